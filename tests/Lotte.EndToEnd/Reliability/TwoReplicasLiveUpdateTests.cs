using System.Diagnostics;
using Lotte.Core.Ingestion.Projection;
using Lotte.Testing;
using Microsoft.Playwright;

namespace Lotte.EndToEnd.Reliability;

/// <summary>Two dashboard processes on one PostgreSQL: what one ingests shows up live on a page held by the other.</summary>
[Collection(RunsAlone.Name)]
public class TwoReplicasLiveUpdateTests
{
    [Fact]
    public async Task EventsIngestedThroughA_AppearLiveOnAPageHeldByB_WithinTwoSeconds()
    {
        await using var database = await TestDatabase.CreateAsync();
        var experiment = await TestExperiments.AddRunningAsync(database.ConnectionString, "two-replicas");
        var token = await TestExperiments.CreateApiKeyAsync(database.ConnectionString);
        // A first, so that A projects (it holds the projector's lock): each update crosses replicas by NOTIFY.
        await using var a = await DashboardProcess.StartAsync(AdvisoryLocks.WithApplicationName(database.ConnectionString, "replica-a"));
        await AdvisoryLocks.WaitForHolderAsync(database.ConnectionString, EventProjector.LockKey, "replica-a", TimeSpan.FromSeconds(30));
        await using var b = await DashboardProcess.StartAsync(AdvisoryLocks.WithApplicationName(database.ConnectionString, "replica-b"));
        var sender = new RetryingEventSender(a.BaseAddress, token, TimeSpan.FromSeconds(30));

        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.AsAsync(b.BaseAddress, "viewer", $"/experiments/{experiment.Key}");
            var stagingUnits = page.Locator("[data-testid=arm-staging] [data-testid=units]");
            await Assertions.Expect(stagingUnits).ToBeVisibleAsync();

            var delays = new List<double>();
            for (var batch = 0; batch < 20; batch++)
            {
                var before = await stagingUnits.InnerTextAsync();
                var at = DateTimeOffset.UtcNow.AddSeconds(-1);
                var events = Enumerable.Range(0, 20)
                    .Select(i => EventSpec.Exposure($"ab-{batch}-{i}", i % 2 == 0 ? "staging" : "production", at)).ToList();
                var clock = Stopwatch.StartNew();
                await sender.SendAsync(experiment.Key, events, TestContext.Current.CancellationToken);
                await Assertions.Expect(stagingUnits).Not.ToHaveTextAsync(before, new() { Timeout = 10_000 });
                delays.Add(clock.Elapsed.TotalMilliseconds);
            }

            Assert.Equal(["replica-a"], await AdvisoryLocks.HoldersAsync(database.ConnectionString, EventProjector.LockKey));
            await Assertions.Expect(stagingUnits).ToHaveTextAsync("200");
            var sorted = delays.Order().ToList();
            var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Ingested through A, shown by B's circuit, over {delays.Count} batches: p50 {sorted[sorted.Count / 2]:F0} ms, p95 {p95:F0} ms, max {sorted[^1]:F0} ms");
            Assert.True(p95 < 2_000, $"p95 of the cross-replica live update delay was {p95:F0} ms");
        }
    }
}
