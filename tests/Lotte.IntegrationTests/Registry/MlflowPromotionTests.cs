using System.Diagnostics;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Approvals;
using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry;
using Lotte.Core.ModelRegistry.Outbox;
using Lotte.IntegrationTests.Api;
using Lotte.Testing;
using Lotte.Testing.Mlflow;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Registry;

/// <summary>
/// The dashboard as a real process with MLflow as its registry (the MLflow-protocol server on loopback): an approval
/// reaches MLflow exactly once, through outages and a killed process; a rollback reaches assignment while MLflow is down.
/// </summary>
public class MlflowPromotionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Decider MlLead = new("kim.ml", new HashSet<LeadRole> { LeadRole.MlLead });
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Aliases")]
    [InlineData("Stages")]
    public async Task Approve_MovesMlflowOnce_AndTagsTheVersion(string mode)
    {
        await using var mlflow = await MlflowTestServer.StartAsync(cancellationToken: _ct);
        var (model, key) = await AwaitingApprovalAsync(mlflow, mode);
        await using var app = await DashboardProcess.StartAsync(fixture.Database.ConnectionString, Settings(mlflow, mode));

        await Decisions().ActAsync(key, LeadActionKind.Approve, MlLead, null, _ct);

        var change = await WaitForAsync(key, c => c.Status == RegistryChangeStatus.Applied, TimeSpan.FromSeconds(15));
        Assert.Equal((RegistryChangeOutcome.Applied, 1), (change.Outcome, change.Attempts));
        await using var seed = new MlflowSeed(mlflow.BaseUri, cleanUp: false);
        if (mode == "Aliases")
        {
            var aliases = await seed.AliasesAsync(model, _ct);
            Assert.Equal("2", aliases["champion"]);
            Assert.Equal("1", aliases["previous"]);
            Assert.False(aliases.ContainsKey("challenger"));
            Assert.Single(mlflow.AppliedWrites, w => w.Path.EndsWith("registered-models/alias", StringComparison.Ordinal) && w.Body.Contains("\"champion\""));
        }
        else
        {
            Assert.Single(mlflow.AppliedWrites, w => w.Path.EndsWith("transition-stage", StringComparison.Ordinal));
        }

        Assert.Contains(mlflow.AppliedWrites, w => w.Path.EndsWith("model-versions/set-tag", StringComparison.Ordinal)
            && w.Body.Contains(RegistryTags.Experiment) && w.Body.Contains(key));
    }

    [Fact]
    public async Task MlflowDown_ThenTheAppKilledMidCall_AppliesExactlyOnceAfterRestart()
    {
        await using var mlflow = await MlflowTestServer.StartAsync(cancellationToken: _ct);
        var (model, key) = await AwaitingApprovalAsync(mlflow, "Aliases");
        mlflow.FailNext(100_000); // MLflow answers 503 to everything
        var first = await DashboardProcess.StartAsync(fixture.Database.ConnectionString, Settings(mlflow, "Aliases"));
        try
        {
            await Decisions().ActAsync(key, LeadActionKind.Approve, MlLead, null, _ct);
            var retried = await WaitForAsync(key, c => c.Attempts >= 2, TimeSpan.FromSeconds(30));
            Assert.Equal(RegistryChangeStatus.Pending, retried.Status);
            Assert.NotNull(retried.LastError);

            // MLflow comes back but hangs; the process dies while its call is in flight.
            mlflow.ResponseDelay = TimeSpan.FromSeconds(30);
            mlflow.FailNext(0);
            mlflow.ClearRequests();
            var clock = Stopwatch.StartNew();
            while (mlflow.Requests.Count == 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The outbox never called MLflow again.");
                await Task.Delay(50, _ct);
            }
        }
        finally
        {
            await first.KillAsync();
            await first.DisposeAsync();
        }

        Assert.Empty(mlflow.AppliedWrites);
        mlflow.ResponseDelay = TimeSpan.Zero;
        await using var restarted = await DashboardProcess.StartAsync(fixture.Database.ConnectionString, Settings(mlflow, "Aliases"));

        var applied = await WaitForAsync(key, c => c.Status == RegistryChangeStatus.Applied, TimeSpan.FromSeconds(30));
        await using var seed = new MlflowSeed(mlflow.BaseUri, cleanUp: false);
        Assert.Equal("2", (await seed.AliasesAsync(model, _ct))["champion"]);
        Assert.Single(mlflow.AppliedWrites, w => w.Path.EndsWith("registered-models/alias", StringComparison.Ordinal) && w.Body.Contains("\"champion\""));
        await using var db = fixture.Database.CreateContext();
        Assert.Single(await db.AuditLog.Where(a => a.Subject == key && a.Action == "registry.change.applied").ToListAsync(_ct));
        TestContext.Current.TestOutputHelper?.WriteLine($"Applied after {applied.Attempts} attempts.");
    }

    [Fact]
    public async Task Rollback_WhileMlflowIsUnreachable_ChangesAssignmentOnASecondInstanceWithinOneSecond()
    {
        var mlflow = await MlflowTestServer.StartAsync(cancellationToken: _ct);
        var (_, key) = await AwaitingApprovalAsync(mlflow, "Aliases", awaiting: false, share: 0.5);
        var settings = Settings(mlflow, "Aliases");
        await mlflow.DisposeAsync(); // connection refused from now on
        await using var instanceA = await DashboardProcess.StartAsync(fixture.Database.ConnectionString, settings);
        await using var instanceB = await DashboardProcess.StartAsync(fixture.Database.ConnectionString, settings);
        var token = (await new Core.ApiKeys.ApiKeyService(fixture.Database.CreateContextFactory(), TimeProvider.System)
            .CreateAsync("tests", Core.ApiKeys.ApiKeyScopes.Assign, "tests", _ct)).Token;
        using var clientB = instanceB.CreateClient();
        clientB.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var units = AssignmentClient.Units("mlrb", 200);
        Assert.Contains("staging", (await AssignmentClient.AssignAsync(clientB, key, units)).Values);

        await Decisions().ActAsync(key, LeadActionKind.ForceRollback, MlLead, "staging errors reported by support", _ct);
        var clock = Stopwatch.StartNew();
        while ((await AssignmentClient.AssignAsync(clientB, key, units)).Values.Any(a => a == "staging"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Instance B still served Staging {clock.Elapsed.TotalMilliseconds:F0} ms after the rollback.");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Rollback reached the second instance in {clock.Elapsed.TotalMilliseconds:F0} ms.");
        var waiting = await WaitForAsync(key, c => c.Attempts >= 1, TimeSpan.FromSeconds(15));
        Assert.Equal(RegistryChangeStatus.Pending, waiting.Status); // the registry change waits for MLflow
        Assert.NotNull(waiting.LastError);
    }

    private static Dictionary<string, string> Settings(MlflowTestServer mlflow, string mode) => new()
    {
        ["ModelRegistry:Provider"] = "Mlflow",
        ["ModelRegistry:Mlflow:TrackingUri"] = mlflow.BaseUri.ToString(),
        ["ModelRegistry:Mlflow:Mode"] = mode,
        ["ModelRegistry:Mlflow:AttemptTimeout"] = "00:00:01",
        ["ModelRegistry:Mlflow:TotalTimeout"] = "00:00:03",
        ["ModelRegistry:Outbox:FirstRetryDelay"] = "00:00:00.200",
        ["ModelRegistry:Outbox:MaxRetryDelay"] = "00:00:01",
        ["ModelRegistry:Outbox:PollInterval"] = "00:00:00.200",
    };

    private ExperimentDecisions Decisions() => new(fixture.Database.CreateContextFactory(), TimeProvider.System);

    /// <summary>An MLflow model with v1 serving (champion, Production) and v2 challenging (Staging), and an experiment on it.</summary>
    private async Task<(string Model, string Key)> AwaitingApprovalAsync(MlflowTestServer mlflow, string mode, bool awaiting = true, double share = 0.1)
    {
        await using var seed = new MlflowSeed(mlflow.BaseUri, cleanUp: false);
        var model = await seed.CreateModelAsync(_ct);
        var production = await seed.CreateVersionAsync(model, _ct);
        var staging = await seed.CreateVersionAsync(model, _ct);
        if (mode == "Aliases")
        {
            await seed.SetAliasAsync(model, "champion", production, _ct);
            await seed.SetAliasAsync(model, "challenger", staging, _ct);
        }
        else
        {
            await seed.TransitionAsync(model, production, "Production", archiveExisting: false, _ct);
            await seed.TransitionAsync(model, staging, "Staging", archiveExisting: false, _ct);
        }

        var key = $"ml-{Guid.NewGuid():N}"[..16];
        var now = DateTimeOffset.UtcNow.AddMinutes(-10);
        var experiment = new Experiment(key, key, model, production, staging, "tests", now);
        experiment.SetStagingShare(share, now);
        experiment.Start(now);
        if (awaiting)
        {
            experiment.AwaitApproval(now.AddMinutes(1));
        }

        await using var db = fixture.Database.CreateContext();
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(_ct);
        mlflow.ClearRequests(); // count only what the dashboard sends
        return (model, key);
    }

    private async Task<RegistryChange> WaitForAsync(string key, Func<RegistryChange, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = fixture.Database.CreateContext();
            var change = await db.RegistryOutbox.AsNoTracking().SingleOrDefaultAsync(c => c.ExperimentKey == key, _ct);
            if (change is not null && done(change))
            {
                return change;
            }

            Assert.True(clock.Elapsed < limit, $"Registry change of {key} not there after {limit}: {change?.Status} {change?.Attempts} {change?.LastError}");
            await Task.Delay(100, _ct);
        }
    }
}
