using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Approvals;
using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry;
using Lotte.Core.ModelRegistry.BuiltIn;
using Lotte.Core.ModelRegistry.Outbox;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Lotte.IntegrationTests.Registry;

/// <summary>Approve → outbox → registry, exactly once, on the real database with the built-in registry.</summary>
public class RegistryOutboxTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Model = "outbox-model";
    private static readonly Decider MlLead = new("kim.ml", new HashSet<LeadRole> { LeadRole.MlLead });
    private static readonly Decider Viewer = new("choi.viewer", new HashSet<LeadRole>());
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Approve_WritesTheMoveWithTheDecision_AndTheWorkerMovesTheRegistryOnce()
    {
        var (key, registry) = await AwaitingAsync();

        var result = await Decisions().ActAsync(key, LeadActionKind.Approve, MlLead, null, _ct);

        Assert.Equal(ExperimentStatus.Promoted, result.Status);
        var pending = await ChangeAsync(key);
        Assert.Equal((RegistryChangeStatus.Pending, RegistryMoveKind.Promote, "4", "3"), (pending.Status, pending.Kind, pending.Version, pending.ReplacedVersion));
        Assert.Contains("kim.ml", pending.ApprovalReference);

        var worker = Worker(registry);
        Assert.Equal(1, await worker.ApplyDueAsync(_ct));
        Assert.Equal(0, await worker.ApplyDueAsync(_ct));

        Assert.Equal(1, registry.Applied);
        var applied = await ChangeAsync(key);
        Assert.Equal((RegistryChangeStatus.Applied, RegistryChangeOutcome.Applied, 1), (applied.Status, applied.Outcome, applied.Attempts));
        var promoted = await VersionAsync("4");
        Assert.Equal(ModelStage.Production, promoted.Stage);
        Assert.Contains(BuiltInModelRegistry.Champion, promoted.Aliases);
        Assert.DoesNotContain(BuiltInModelRegistry.Challenger, promoted.Aliases);
        Assert.Equal(key, promoted.Tags[RegistryTags.Experiment]);
        Assert.Equal("PROMOTE", promoted.Tags[RegistryTags.Decision]);
        Assert.Equal(pending.ApprovalReference, promoted.Tags[RegistryTags.Approval]);
        Assert.Equal("3", promoted.Tags[RegistryTags.ReplacedVersion]);
        var replaced = await VersionAsync("3");
        Assert.Equal(ModelStage.Archived, replaced.Stage);
        Assert.Equal([BuiltInModelRegistry.Previous], replaced.Aliases);
        Assert.Equal("registry.change.applied", (await LastAuditAsync(key)).Action);
    }

    [Fact]
    public async Task MoveAppliedBeforeACrash_IsRecordedOnRestart_NotAppliedAgain()
    {
        var (key, registry) = await AwaitingAsync();
        await Decisions().ActAsync(key, LeadActionKind.Approve, MlLead, null, _ct);
        var change = await ChangeAsync(key);
        await registry.ApplyAsync(change.ToMove(), _ct); // the registry moved, then the process died before recording it

        await Worker(registry).ApplyDueAsync(_ct);

        Assert.Equal(1, registry.Applied);
        var recorded = await ChangeAsync(key);
        Assert.Equal((RegistryChangeStatus.Applied, RegistryChangeOutcome.AlreadyThere), (recorded.Status, recorded.Outcome));
    }

    [Fact]
    public async Task RegistryDown_RetriesWithGrowingDelays_AndAppliesOnceWhenItReturns()
    {
        var (key, registry) = await AwaitingAsync();
        await Decisions().ActAsync(key, LeadActionKind.Approve, MlLead, null, _ct);
        var worker = Worker(registry);
        registry.Down = true;

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(1, await worker.ApplyDueAsync(_ct));
            var change = await ChangeAsync(key);
            Assert.Equal((RegistryChangeStatus.Pending, attempt), (change.Status, change.Attempts));
            Assert.Contains("Connection refused", change.LastError);
            waits.Add(change.NextAttemptAt - _time.GetUtcNow());
            Assert.Equal(0, await worker.ApplyDueAsync(_ct)); // not due before its delay
            _time.Advance(waits[^1] + TimeSpan.FromMilliseconds(1));
        }

        Assert.True(waits.Zip(waits.Skip(1)).All(pair => pair.Second > pair.First), string.Join(", ", waits));
        registry.Down = false;
        Assert.Equal(1, await worker.ApplyDueAsync(_ct));
        Assert.Equal(1, registry.Applied);
        Assert.Equal((RegistryChangeStatus.Applied, 5), await StatusAndAttemptsAsync(key));
    }

    [Fact]
    public async Task RetryBudgetSpent_FailsAndAlerts_AndALeadsRetryAppliesIt()
    {
        var (key, registry) = await AwaitingAsync();
        await Decisions().ActAsync(key, LeadActionKind.Approve, MlLead, null, _ct);
        var worker = Worker(registry, maxAttempts: 2);
        registry.Down = true;
        await worker.ApplyDueAsync(_ct);
        _time.Advance(TimeSpan.FromMinutes(10));
        await worker.ApplyDueAsync(_ct);

        var failed = await ChangeAsync(key);
        Assert.Equal(RegistryChangeStatus.Failed, failed.Status);
        Assert.Contains("retry budget", failed.Outcome);
        Assert.Equal("registry.change.failed", (await LastAuditAsync(key)).Action);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await worker.ApplyDueAsync(_ct)); // failed changes wait for a person

        var changes = new RegistryChanges(fixture.Database.CreateContextFactory(), _time);
        Assert.Equal(LeadActionOutcome.Refused, (await changes.RetryAsync(key, failed.Id, Viewer, null, _ct)).Outcome);
        Assert.Equal(LeadActionOutcome.Applied, (await changes.RetryAsync(key, failed.Id, MlLead, "registry is back", _ct)).Outcome);
        Assert.Equal("registry.change.retried", (await LastAuditAsync(key)).Action);
        Assert.Equal(LeadActionOutcome.Refused, (await changes.RetryAsync(key, failed.Id, MlLead, "again", _ct)).Outcome);

        registry.Down = false;
        Assert.Equal(1, await worker.ApplyDueAsync(_ct));
        Assert.Equal((RegistryChangeStatus.Applied, 1), await StatusAndAttemptsAsync(key));
        Assert.Equal(1, registry.Applied);
    }

    [Fact]
    public async Task RegistryRefusesTheMove_FailsAtOnceWithoutRetrying()
    {
        var (key, registry) = await AwaitingAsync(stagingVersion: "9"); // the registry has no version 9
        await Decisions().ActAsync(key, LeadActionKind.ForcePromote, MlLead, "evidence reviewed offline", _ct);

        await Worker(registry).ApplyDueAsync(_ct);

        var change = await ChangeAsync(key);
        Assert.Equal((RegistryChangeStatus.Failed, "refused by the registry", 1), (change.Status, change.Outcome, change.Attempts));
        Assert.Contains("no version 9", change.LastError);
    }

    [Fact]
    public async Task ForceRollback_ArchivesStagingAndLeavesProductionServing()
    {
        var (key, registry) = await AwaitingAsync();
        await Decisions().ActAsync(key, LeadActionKind.ForceRollback, MlLead, "conversion dropped in the evening", _ct);

        await Worker(registry).ApplyDueAsync(_ct);

        var staging = await VersionAsync("4");
        Assert.Equal(ModelStage.Archived, staging.Stage);
        Assert.DoesNotContain(BuiltInModelRegistry.Challenger, staging.Aliases);
        Assert.Equal("ROLLBACK", staging.Tags[RegistryTags.Decision]);
        var production = await VersionAsync("3");
        Assert.Equal(ModelStage.Production, production.Stage);
        Assert.Contains(BuiltInModelRegistry.Champion, production.Aliases);
    }

    [Fact]
    public async Task Reject_KeepsTesting_AndAsksNothingOfTheRegistry()
    {
        var (key, _) = await AwaitingAsync();

        await Decisions().ActAsync(key, LeadActionKind.Reject, MlLead, "wait for the weekend traffic", _ct);

        await using var db = fixture.Database.CreateContext();
        Assert.False(await db.RegistryOutbox.AnyAsync(c => c.ExperimentKey == key, _ct));
    }

    private ExperimentDecisions Decisions() => new(fixture.Database.CreateContextFactory(), _time);

    private RegistryOutboxWorker Worker(IModelRegistry registry, int maxAttempts = 20) => new(
        fixture.Database.CreateContextFactory(), registry, new ExperimentChangeFeed(),
        Options.Create(new DatabaseOptions { ConnectionString = fixture.Database.ConnectionString }),
        Options.Create(new RegistryOutboxOptions { MaxAttempts = maxAttempts }), _time, NullLogger<RegistryOutboxWorker>.Instance);

    /// <summary>A fresh model (v3 serving, v4 challenger) and an experiment awaiting approval of v4.</summary>
    private async Task<(string Key, ScriptedRegistry Registry)> AwaitingAsync(string stagingVersion = "4")
    {
        var key = $"outbox-{Guid.NewGuid():N}"[..20];
        var model = $"{Model}-{key}";
        var now = _time.GetUtcNow().AddMinutes(-10);
        await using var db = fixture.Database.CreateContext();
        db.RegisteredModels.Add(new RegisteredModel
        {
            Name = model,
            CreatedAt = now,
            Versions =
            [
                new ModelVersion { ModelName = model, Version = "3", Stage = ModelStage.Production, Aliases = [BuiltInModelRegistry.Champion], CreatedAt = now },
                new ModelVersion { ModelName = model, Version = "4", Stage = ModelStage.Staging, Aliases = [BuiltInModelRegistry.Challenger], CreatedAt = now },
            ],
        });
        var experiment = new Experiment(key, key, model, "3", stagingVersion, "tests", now);
        experiment.Start(now);
        experiment.AwaitApproval(now.AddMinutes(1));
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(_ct);
        _models[key] = model;
        return (key, new ScriptedRegistry(new BuiltInModelRegistry(fixture.Database.CreateContextFactory(), _time)));
    }

    private readonly Dictionary<string, string> _models = [];

    private async Task<RegistryChange> ChangeAsync(string key)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.RegistryOutbox.AsNoTracking().SingleAsync(c => c.ExperimentKey == key, _ct);
    }

    private async Task<(RegistryChangeStatus, int)> StatusAndAttemptsAsync(string key)
    {
        var change = await ChangeAsync(key);
        return (change.Status, change.Attempts);
    }

    private async Task<ModelVersion> VersionAsync(string version)
    {
        await using var db = fixture.Database.CreateContext();
        var model = _models.Values.Single();
        return await db.ModelVersions.AsNoTracking().SingleAsync(v => v.ModelName == model && v.Version == version, _ct);
    }

    private async Task<Core.Auditing.AuditEntry> LastAuditAsync(string key)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.AuditLog.AsNoTracking().Where(a => a.Subject == key).OrderByDescending(a => a.Id).FirstAsync(_ct);
    }
}
