using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lotte.Core.ApiKeys;
using Lotte.Core.Experiments;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Api;

/// <summary>A throwaway database, the dashboard as a real process on it, and a service API key.</summary>
public sealed class ApiHost : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public DashboardProcess App { get; private set; } = null!;
    public string Token { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        App = await DashboardProcess.StartAsync(Database.ConnectionString);
        Token = await CreateKeyAsync(ApiKeyScopes.Assign | ApiKeyScopes.Ingest);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    public HttpClient Client(string? token = null, DashboardProcess? app = null)
    {
        var client = (app ?? App).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return client;
    }

    public async Task<string> CreateKeyAsync(ApiKeyScopes scopes) =>
        (await Keys().CreateAsync($"tests-{scopes}", scopes, "tests")).Token;

    public ApiKeyService Keys() => new(Database.CreateContextFactory(), TimeProvider.System);

    public async Task<Experiment> AddExperimentAsync(string key, double share = Experiment.DefaultStagingShare, bool start = true,
        ExperimentMode mode = ExperimentMode.AbTest)
    {
        var now = DateTimeOffset.UtcNow.AddHours(-1);
        var experiment = new Experiment(key, key, "undervaluation-score", "3", "4", "tests", now) { Mode = mode };
        experiment.SetStagingShare(share, now);
        if (start)
        {
            experiment.Start(now);
        }

        await using var db = Database.CreateContext();
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return experiment;
    }

    /// <summary>Changes the share through the domain, as a lead's action would (the row's trigger notifies replicas).</summary>
    public async Task SetShareAsync(string key, double share)
    {
        await using var db = Database.CreateContext();
        var experiment = await db.Experiments.SingleAsync(e => e.Key == key);
        experiment.SetStagingShare(share, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>Units, statistics and totals follow raw events in the background: wait before reading them.</summary>
    public Task WaitForProjectionAsync() => Database.WaitForProjectionAsync();

    public async Task<HttpResponseMessage> PostEventsAsync(string key, IEnumerable<object> events, HttpClient? client = null)
    {
        using var own = client is null ? Client() : null;
        return await (client ?? own!).PostAsJsonAsync($"api/v1/experiments/{key}/events", new { events });
    }
}
