using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lotte.Testing;
using Microsoft.Playwright;

namespace Lotte.EndToEnd.Reliability;

/// <summary>
/// PostgreSQL stopped for 20 s in the middle of a steady ingestion load, on a cluster of its own: the API answers 503
/// with Retry-After, an open experiment page says the database is unavailable and keeps its circuit, and once the
/// server is back the client's retries complete with exactly the acknowledged events counted.
/// </summary>
[Collection(RunsAlone.Name)]
public class DatabaseOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task PostgresStopped20sDuringIngestion_ApiAnswers503WithRetryAfter_PageShowsIt_AndTotalsAreExactAfterwards()
    {
        var output = TestContext.Current.TestOutputHelper;
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await ThrowawayPostgres.StartNewAsync();
        var connectionString = await cluster.CreateDatabaseAsync();
        var experiment = await TestExperiments.AddRunningAsync(connectionString, "outage");
        var token = await TestExperiments.CreateApiKeyAsync(connectionString);
        await using var app = await DashboardProcess.StartAsync(connectionString);

        try
        {
            await RunAsync(cluster, connectionString, experiment, token, app, ct);
        }
        catch
        {
            // The dashboard's own account of the failure (its log ends with what stopped it, if it stopped).
            output?.WriteLine(string.Join('\n', app.Output.TakeLast(80)));
            throw;
        }
    }

    private static async Task RunAsync(ThrowawayPostgres cluster, string connectionString, Core.Experiments.Experiment experiment, string token,
        DashboardProcess app, CancellationToken ct)
    {
        var output = TestContext.Current.TestOutputHelper;
        var sender = new RetryingEventSender(app.BaseAddress, token, giveUpAfter: TimeSpan.FromSeconds(120));
        var load = new SteadyIngestion(sender, experiment.Key, "outage", unitsPerBatch: 20, interval: TimeSpan.FromMilliseconds(200));
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.AsAsync(app.BaseAddress, "viewer", $"/experiments/{experiment.Key}");
            var units = page.Locator("[data-testid=arm-production] [data-testid=units]");
            var alert = page.Locator("[data-testid=detail-error]");
            var crashed = page.Locator("#blazor-error-ui");
            load.Start();
            await Assertions.Expect(units).Not.ToHaveTextAsync("0", new() { Timeout = 10_000 });

            await cluster.StopAsync();
            var down = Stopwatch.StartNew();
            output?.WriteLine($"PostgreSQL stopped after {load.BatchesSent} acknowledged batches");
            await Assertions.Expect(alert).ToBeVisibleAsync(new() { Timeout = 10_000 });
            var alertAfter = down.Elapsed;

            // A fresh batch while the database is down: 503 with Retry-After, nothing else.
            using (var api = app.CreateClient())
            {
                api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var refused = await api.PostAsJsonAsync($"api/v1/experiments/{experiment.Key}/events",
                    new { events = new[] { EventSpec.Exposure("probe-unit", "production", DateTimeOffset.UtcNow.AddSeconds(-1)).Wire() } }, ct);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without a Retry-After in seconds");
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            }

            var frozenUnits = await units.InnerTextAsync();
            await Task.Delay(Outage - down.Elapsed, ct);
            await Assertions.Expect(alert).ToBeVisibleAsync();
            Assert.False(await crashed.IsVisibleAsync(), "The circuit failed during the outage (Blazor's error bar is shown).");
            Assert.Equal(frozenUnits, await units.InnerTextAsync());
            await cluster.StartAsync();
            var up = Stopwatch.StartNew();
            output?.WriteLine($"PostgreSQL started again after {down.Elapsed.TotalSeconds:F1} s");

            // The same circuit recovers by itself (no reload): the alert goes and live numbers move again.
            await Assertions.Expect(alert).ToBeHiddenAsync(new() { Timeout = 30_000 });
            var recoveredAfter = up.Elapsed;
            await Assertions.Expect(units).Not.ToHaveTextAsync(frozenUnits, new() { Timeout = 30_000 });
            var liveAgainAfter = up.Elapsed;
            Assert.False(await crashed.IsVisibleAsync(), "The circuit failed after the outage.");

            await Task.Delay(TimeSpan.FromSeconds(3), ct); // some steady load after recovery too
            await load.StopAsync();
            await TestDatabase.WaitForProjectionAsync(connectionString, TimeSpan.FromSeconds(60));
            var expected = load.Expected();
            var counted = await SteadyIngestion.CountedAsync(connectionString, experiment.Id);
            var stored = await SteadyIngestion.StoredAsync(connectionString, experiment.Id);
            await Assertions.Expect(units).ToHaveTextAsync(expected[Core.Assignment.Arm.Production].ExposedUnits.ToString("N0"), new() { Timeout = 10_000 });

            output?.WriteLine($"Alert shown {alertAfter.TotalMilliseconds:F0} ms after the stop; gone {recoveredAfter.TotalMilliseconds:F0} ms after the restart; " +
                $"live numbers moving again after {liveAgainAfter.TotalMilliseconds:F0} ms");
            output?.WriteLine($"Client: {load.BatchesSent} batches, {sender.Acknowledged.Count} events acknowledged, {sender.UnavailableAnswers} answers 503 " +
                $"(Retry-After {string.Join("/", sender.RetryAfters.Select(r => r.TotalSeconds).Distinct())} s), {sender.ConnectionFailures} connection failures, " +
                $"{sender.DuplicatesReported} duplicates reported on retries");
            output?.WriteLine($"Stored {stored} raw events; counted {Describe(counted)}; expected {Describe(expected)}");
            Assert.True(sender.UnavailableAnswers > 0, "The load never met the outage.");
            Assert.Equal(load.EventsSent, sender.Acknowledged.Count); // every batch was eventually acknowledged
            Assert.Equal(sender.Acknowledged.Count, stored);
            Assert.Equal(expected, counted);
        }

        using var client = app.CreateClient();
        using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.DoesNotContain(app.Output, line => line.StartsWith("crit:", StringComparison.Ordinal));
    }

    private static string Describe(Dictionary<Core.Assignment.Arm, (long ExposedUnits, long Requests, long Errors)> counts) =>
        string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value.ExposedUnits} units, {c.Value.Requests} requests, {c.Value.Errors} errors"));
}
