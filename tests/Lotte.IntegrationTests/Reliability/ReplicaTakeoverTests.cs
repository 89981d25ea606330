using System.Diagnostics;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Ingestion.Projection;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Reliability;

/// <summary>
/// Two dashboard processes on one database; the replica holding a background job's advisory lock is killed (SIGKILL)
/// and the other takes the job over. Stickiness across two instances is <c>AssignmentApiTests</c>'s.
/// </summary>
public class ReplicaTakeoverTests
{
    private static readonly TimeSpan LookInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TakeoverLimit = TimeSpan.FromSeconds(30);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Evaluator_HolderKilled_OtherReplicaLooksWithin30s_AndNoLookIsTakenTwice()
    {
        await using var database = await TestDatabase.CreateAsync();
        var experiment = await TestExperiments.AddRunningAsync(database.ConnectionString, "takeover-looks");
        var token = await TestExperiments.CreateApiKeyAsync(database.ConnectionString);
        var settings = new Dictionary<string, string> { ["Decisions:Enabled"] = "true", ["Decisions:LookInterval"] = "00:00:01" };
        await using var a = await DashboardProcess.StartAsync(AdvisoryLocks.WithApplicationName(database.ConnectionString, "replica-a"), settings);
        await using var b = await StartSecondAsync(database, DecisionEvaluator.LockKey, settings);
        // The load goes through B, so it carries on while A is dead; A evaluates what B ingested.
        var load = new SteadyIngestion(new RetryingEventSender(b.BaseAddress, token, TimeSpan.FromSeconds(60)), experiment.Key, "looks", 10,
            TimeSpan.FromMilliseconds(200), withErrors: false); // no error guard rollback: the experiment keeps running
        load.Start();
        await WaitForLooksAsync(database, experiment.Id, after: DateTimeOffset.MinValue, count: 3);
        Assert.Equal(["replica-a"], await AdvisoryLocks.HoldersAsync(database.ConnectionString, DecisionEvaluator.LockKey));

        await a.KillAsync(); // SIGKILL
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var lockTakenAfter = await AdvisoryLocks.WaitForHolderAsync(database.ConnectionString, DecisionEvaluator.LockKey, "replica-b", TakeoverLimit);
        await WaitForLooksAsync(database, experiment.Id, after: killedAt, count: 1);
        var firstLookAfter = clock.Elapsed;
        await WaitForLooksAsync(database, experiment.Id, after: killedAt, count: 6);
        await load.StopAsync();

        await using var db = database.CreateContext();
        var looks = await db.DecisionEvaluations.AsNoTracking().Where(e => e.ExperimentId == experiment.Id).OrderBy(e => e.Id)
            .Select(e => new { e.EvaluatedAt, e.InputsJson, e.ResultJson }).ToListAsync(_ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"A killed: B held the evaluator's lock after {lockTakenAfter.TotalMilliseconds:F0} ms and took its first look after " +
            $"{firstLookAfter.TotalMilliseconds:F0} ms; {looks.Count(l => l.EvaluatedAt < killedAt)} looks by A, {looks.Count(l => l.EvaluatedAt >= killedAt)} by B");
        Assert.True(firstLookAfter < TakeoverLimit, $"B's first look came {firstLookAfter} after A died");

        // Evaluated twice would mean two looks at the same data (two evaluators, or one repeating itself after a
        // takeover), or more looks than one per interval on one replica. A held the lock until it died (checked above),
        // so looks before the kill are A's and those after are B's. A look's time is taken after it has read the data,
        // so a slow (cold) first look of a tenure may come closer to the next than the interval: one look of slack.
        Assert.Equal(looks.Count, looks.Select(l => l.InputsJson).Distinct().Count());
        var byA = looks.Where(l => l.EvaluatedAt < killedAt).Select(l => l.EvaluatedAt).ToList();
        var byB = looks.Where(l => l.EvaluatedAt >= killedAt).Select(l => l.EvaluatedAt).ToList();
        Assert.All(new[] { byA, byB }, tenure =>
            Assert.True(tenure.Count <= (tenure[^1] - tenure[0]) / LookInterval + 2, $"{tenure.Count} looks within {tenure[^1] - tenure[0]}"));
    }

    [Fact]
    public async Task Projector_HolderKilled_EventsIngestedMeanwhileAreProjectedByTheOther_CountsExact()
    {
        await using var database = await TestDatabase.CreateAsync();
        var experiment = await TestExperiments.AddRunningAsync(database.ConnectionString, "takeover-projection");
        var token = await TestExperiments.CreateApiKeyAsync(database.ConnectionString);
        await using var a = await DashboardProcess.StartAsync(AdvisoryLocks.WithApplicationName(database.ConnectionString, "replica-a"));
        await using var b = await StartSecondAsync(database, EventProjector.LockKey, settings: null);
        var sender = new RetryingEventSender(b.BaseAddress, token, TimeSpan.FromSeconds(60));
        var load = new SteadyIngestion(sender, experiment.Key, "projection", 20, TimeSpan.FromMilliseconds(100));
        load.Start();
        await Task.Delay(TimeSpan.FromSeconds(2), _ct);

        await a.KillAsync(); // SIGKILL
        var batchesAtKill = load.BatchesSent;
        var lockTakenAfter = await AdvisoryLocks.WaitForHolderAsync(database.ConnectionString, EventProjector.LockKey, "replica-b", TakeoverLimit);
        var batchesWithoutProjector = load.BatchesSent - batchesAtKill;
        await Task.Delay(TimeSpan.FromSeconds(2), _ct);
        await load.StopAsync();
        await database.WaitForProjectionAsync();

        var expected = load.Expected();
        var counted = await SteadyIngestion.CountedAsync(database.ConnectionString, experiment.Id);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"A killed: B projected after {lockTakenAfter.TotalMilliseconds:F0} ms; {batchesWithoutProjector} batches acknowledged meanwhile; " +
            $"{sender.Acknowledged.Count} events acknowledged in all; counted {string.Join(", ", counted)}");
        Assert.True(batchesWithoutProjector > 0, "No batch was acknowledged while no replica projected.");
        Assert.Equal(sender.Acknowledged.Count, await SteadyIngestion.StoredAsync(database.ConnectionString, experiment.Id));
        Assert.Equal(expected, counted);
    }

    /// <summary>B starts once A holds the lock, and does not take it from a live A.</summary>
    private static async Task<DashboardProcess> StartSecondAsync(TestDatabase database, long lockKey, IReadOnlyDictionary<string, string>? settings)
    {
        await AdvisoryLocks.WaitForHolderAsync(database.ConnectionString, lockKey, "replica-a", TakeoverLimit);
        var b = await DashboardProcess.StartAsync(AdvisoryLocks.WithApplicationName(database.ConnectionString, "replica-b"), settings);
        await Task.Delay(LookInterval * 3);
        Assert.Equal(["replica-a"], await AdvisoryLocks.HoldersAsync(database.ConnectionString, lockKey));
        return b;
    }

    private async Task WaitForLooksAsync(TestDatabase database, Guid experimentId, DateTimeOffset after, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = database.CreateContext();
            if (await db.DecisionEvaluations.CountAsync(e => e.ExperimentId == experimentId && e.EvaluatedAt > after, _ct) >= count)
            {
                return;
            }

            Assert.True(clock.Elapsed < TakeoverLimit, $"Fewer than {count} looks after {after:O} within {TakeoverLimit}.");
            await Task.Delay(100, _ct);
        }
    }
}
