using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Approvals;
using Lotte.Core.Demo;
using Lotte.Core.ModelRegistry;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Reliability;

/// <summary>
/// The dashboard SIGKILLed while a client keeps sending events, then started again on its port: the client's retries
/// (same event ids) complete and the totals are exact; a promotion approved just before the kill reaches the built-in
/// registry exactly once after the restart. A kill while the call to MLflow is in flight is
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

    [Fact]
    public async Task Promotion_BuiltInRegistry_AppKilledRightAfterTheApproval_AppliedExactlyOnceAfterRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var demo = new Dictionary<string, string> { ["Demo:Enabled"] = "true", ["Demo:Traffic"] = "false" };
        await using (var first = await DashboardProcess.StartAsync(database.ConnectionString, demo))
        {
            await using (var db = database.CreateContext())
            {
                var experiment = await db.Experiments.SingleAsync(e => e.Key == DemoSeeder.BetterStagingKey, ct);
                experiment.AwaitApproval(DateTimeOffset.UtcNow);
                await db.SaveChangesAsync(ct);
            }

            await new ExperimentDecisions(database.CreateContextFactory(), TimeProvider.System)
                .ActAsync(DemoSeeder.BetterStagingKey, LeadActionKind.Approve, new Decider("kim.ml", new HashSet<LeadRole> { LeadRole.MlLead }), null, ct);
            await first.KillAsync(); // SIGKILL while the outbox worker wakes up for the new entry
        }

        await using var restarted = await DashboardProcess.StartAsync(database.ConnectionString, demo);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        RegistryChange? change;
        do
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The promotion did not reach the registry within 30 s of the restart.");
            await Task.Delay(100, ct);
            await using var db = database.CreateContext();
            change = await db.RegistryOutbox.AsNoTracking().SingleAsync(c => c.ExperimentKey == DemoSeeder.BetterStagingKey, ct);
        }
        while (change.Status != RegistryChangeStatus.Applied);

        await using var check = database.CreateContext();
        var stages = await check.ModelVersions.Where(v => v.ModelName == DemoSeeder.ModelName).ToDictionaryAsync(v => v.Version, v => v.Stage, ct);
        var applied = await check.AuditLog.CountAsync(a => a.Subject == DemoSeeder.BetterStagingKey && a.Action == "registry.change.applied", ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"Applied ({change.Outcome}) after {change.Attempts} attempt(s); stages {string.Join(", ", stages)}");
        Assert.Equal(1, applied);
        Assert.Equal(ModelStage.Production, stages["4"]);
        Assert.Single(stages, s => s.Value == ModelStage.Production);
    }
}
