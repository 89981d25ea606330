using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lotte.Core.ApiKeys;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Lotte.Dashboard.Demo;

/// <summary>
/// Simulated live traffic for the demo, sent through the app's own public API exactly as a model
/// server and the CRM would: assign new users, report their exposures and serving errors, and later
/// their contracts. Runs only when Demo:Enabled (the run command's Development settings).
/// </summary>
internal sealed class DemoTrafficService(
    IOptions<DemoTrafficOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    ApiKeyService keys,
    TimeProvider time,
    ILogger<DemoTrafficService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !options.Value.Traffic || !await StartedAsync(stoppingToken))
        {
            return;
        }

        var key = await keys.CreateAsync($"demo-traffic-{time.GetUtcNow():yyyyMMddHHmmss}", ApiKeyScopes.Assign | ApiKeyScopes.Ingest, "demo", stoppingToken);
        using var client = new HttpClient { BaseAddress = OwnAddress(), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Token);
        var started = time.GetUtcNow();
        var simulators = DemoScenario.All(options.Value).Select(s => new DemoArmSimulator(s, options.Value.UnitsPerSecond, new Random(s.ExperimentKey.Length))).ToList();
        logger.LogInformation("Demo traffic: {Rate} new users per second per experiment through {Address}", options.Value.UnitsPerSecond, client.BaseAddress);

        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var simulator in simulators)
            {
                await SendTickAsync(client, simulator, time.GetUtcNow(), time.GetUtcNow() - started, stoppingToken);
            }
        }
    }

    private async Task SendTickAsync(HttpClient client, DemoArmSimulator simulator, DateTimeOffset now, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        try
        {
            var newUnits = simulator.NewUnits();
            var arms = newUnits.Length == 0 ? [] : await AssignAsync(client, simulator.ExperimentKey, newUnits, cancellationToken);
            var events = simulator.EventsFor(arms, now, elapsed);
            if (events.Count > 0)
            {
                using var response = await client.PostAsJsonAsync($"api/v1/experiments/{simulator.ExperimentKey}/events", new { events }, cancellationToken);
                if (response.StatusCode == System.Net.HttpStatusCode.Conflict)
                {
                    simulator.Stop(); // rolled back or promoted: its traffic ends, as it would in production
                }
            }
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Demo traffic for {Experiment} skipped a tick: {Message}", simulator.ExperimentKey, ex.Message);
        }
    }

    private static async Task<IReadOnlyList<(string UnitId, string Arm)>> AssignAsync(HttpClient client, string experimentKey,
        string[] unitIds, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync($"api/v1/experiments/{experimentKey}/assignments", new { unitIds }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        var body = await response.Content.ReadFromJsonAsync<AssignmentBody>(cancellationToken);
        return body!.Assignments.Select(a => (a.UnitId, a.Arm)).ToList();
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await Task.WhenAny(started.Task, Task.Delay(Timeout.Infinite, stoppingToken));
        return started.Task.IsCompleted;
    }

    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    private sealed record AssignmentBody(List<AssignedUnitBody> Assignments);

    private sealed record AssignedUnitBody(string UnitId, string Arm);
}
