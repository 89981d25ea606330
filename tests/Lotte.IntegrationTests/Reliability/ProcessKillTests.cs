using Lotte.Testing;

namespace Lotte.IntegrationTests.Reliability;

/// <summary>
/// The dashboard SIGKILLed while a client keeps sending events, then started again on its port: the client's retries
/// (same event ids) complete and the totals are exact. A promotion killed mid-way is
/// <c>MlflowPromotionTests.MlflowDown_ThenTheAppKilledMidCall_AppliesExactlyOnceAfterRestart</c>.
/// </summary>
public class ProcessKillTests
{
    [Fact]
    public async Task Ingestion_AppKilledTwiceAndRestartedOnItsPort_ClientRetriesComplete_TotalsExact()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var experiment = await TestExperiments.AddRunningAsync(database.ConnectionString, "killed");
        var token = await TestExperiments.CreateApiKeyAsync(database.ConnectionString);
        var port = FreePort.Next();
        var app = await DashboardProcess.StartAsync(database.ConnectionString, port: port);
        var sender = new RetryingEventSender(app.BaseAddress, token, TimeSpan.FromSeconds(90));
        var load = new SteadyIngestion(sender, experiment.Key, "killed", 50, TimeSpan.FromMilliseconds(50));
        try
        {
            load.Start();
            for (var kill = 0; kill < 2; kill++)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                await app.DisposeAsync(); // SIGKILL, mid-batch or between batches
                TestContext.Current.TestOutputHelper?.WriteLine($"Killed after {load.BatchesSent} acknowledged batches");
                app = await DashboardProcess.StartAsync(database.ConnectionString, port: port);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            await load.StopAsync();
            await database.WaitForProjectionAsync(TimeSpan.FromSeconds(60)); // the restarted process projects the rest
        }
        finally
        {
            await app.DisposeAsync();
        }

        var expected = load.Expected();
        var counted = await SteadyIngestion.CountedAsync(database.ConnectionString, experiment.Id);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{load.BatchesSent} batches, {sender.Acknowledged.Count} events acknowledged, {sender.ConnectionFailures} refused or dropped requests retried, " +
            $"{sender.DuplicatesReported} events already stored when resent; counted {string.Join(", ", counted)}");
        Assert.True(sender.ConnectionFailures > 0, "The client never noticed a kill.");
        Assert.Equal(load.EventsSent, sender.Acknowledged.Count);
        Assert.Equal(sender.Acknowledged.Count, await SteadyIngestion.StoredAsync(database.ConnectionString, experiment.Id));
        Assert.Equal(expected, counted);
    }
}
