using System.Diagnostics;
using System.Text.Json;
using Lotte.Core.Analysis;
using Lotte.Core.Assignment;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Approvals;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lotte.IntegrationTests.Api;

/// <summary>
/// A shadow test over real HTTP: users are always served by Production, Staging's mirrored results feed the error
/// guard, and a lead graduates it to an A/B test that serves 10 % from Staging.
/// </summary>
public class ShadowExperimentTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly Decider MlLead = new("kim.ml", new HashSet<LeadRole> { LeadRole.MlLead });
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Assignment_ShadowTest_AlwaysAnswersProduction()
    {
        var experiment = await host.AddExperimentAsync("shadow-assign", share: 0.5, mode: ExperimentMode.Shadow);
        using var client = host.Client();

        var arms = await AssignmentClient.AssignAsync(client, experiment.Key, AssignmentClient.Units("sh", 2_000));

        Assert.All(arms.Values, arm => Assert.Equal("production", arm));
    }

    [Fact]
    public async Task ShadowErrors_AboveTheLimit_RollTheShadowTestBack()
    {
        var experiment = await host.AddExperimentAsync("shadow-errors", mode: ExperimentMode.Shadow);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var events = Enumerable.Range(0, 600)
            .Select(i => WireEvents.ShadowResult($"s{i}", at.AddSeconds(i * 0.1), latencyMs: 40 + i % 30, errorKind: i % 3 == 0 ? "timeout" : null));
        using var response = await host.PostEventsAsync(experiment.Key, events);
        response.EnsureSuccessStatusCode();

        var status = await LookUntilAsync(experiment.Id, s => s != ExperimentStatus.Running);

        Assert.Equal(ExperimentStatus.RolledBack, status);
        await using var db = host.Database.CreateContext();
        var look = await db.DecisionEvaluations.Where(e => e.ExperimentId == experiment.Id).OrderByDescending(e => e.Id).FirstAsync(_ct);
        Assert.Equal(nameof(Decision.Rollback), look.Decision);
        var change = await db.RegistryOutbox.SingleAsync(c => c.ExperimentId == experiment.Id, _ct);
        Assert.Equal(RegistryMoveKind.RollBack, change.Kind);
    }

    [Fact]
    public async Task ShadowErrors_WithinTheLimit_KeepTestingAndNeverPromote()
    {
        var experiment = await host.AddExperimentAsync("shadow-fine", mode: ExperimentMode.Shadow);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var events = Enumerable.Range(0, 600).Select(i => WireEvents.ShadowResult($"f{i}", at.AddSeconds(i * 0.1), latencyMs: 35));
        using var response = await host.PostEventsAsync(experiment.Key, events);
        response.EnsureSuccessStatusCode();

        await LookUntilAsync(experiment.Id, _ => true);

        await using var db = host.Database.CreateContext();
        var look = await db.DecisionEvaluations.Where(e => e.ExperimentId == experiment.Id).OrderByDescending(e => e.Id).FirstAsync(_ct);
        Assert.Equal(nameof(Decision.KeepTesting), look.Decision);
        Assert.Equal(ExperimentStatus.Running, (await db.Experiments.SingleAsync(e => e.Id == experiment.Id, _ct)).Status);
    }

    [Fact]
    public async Task Latency_ProductionAnswersAgainstMirroredOnes_MedianAndP95PerArm()
    {
        var experiment = await host.AddExperimentAsync("shadow-latency", mode: ExperimentMode.Shadow);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        // Production answers in 1..100 ms, Staging's mirrored answers in 101..200 ms; a conversion carries no latency.
        var production = Enumerable.Range(1, 100).Select(i => new
        {
            eventId = $"p{i}", type = "exposure", unitId = $"u{i}", arm = "production", latencyMs = (double)i, occurredAt = WireEvents.At(at),
        });
        var staging = Enumerable.Range(1, 100).Select(i => WireEvents.ShadowResult($"s{i}", at, latencyMs: 100 + i));
        using var response = await host.PostEventsAsync(experiment.Key, [.. production, .. staging, WireEvents.Conversion("c1", "u1", at)]);
        response.EnsureSuccessStatusCode();

        var latency = await new ServingLatencyReader(host.Database.CreateContextFactory(), TimeProvider.System).RecentAsync(experiment.Id, _ct);

        // percentile_cont interpolates: the median of 1..100 is 50.5, the 95th percentile 95.05.
        Assert.Equal([Arm.Production, Arm.Staging], latency.Select(l => l.Arm));
        Assert.Equal((100L, 50.5, 95.05), (latency[0].Answers, latency[0].MedianMs, Math.Round(latency[0].P95Ms, 2)));
        Assert.Equal((100L, 150.5, 195.05), (latency[1].Answers, latency[1].MedianMs, Math.Round(latency[1].P95Ms, 2)));
    }

    [Fact]
    public async Task Graduate_ShadowTest_BecomesATenPercentABTest_Audited()
    {
        var experiment = await host.AddExperimentAsync("shadow-graduate", mode: ExperimentMode.Shadow);
        var decisions = new ExperimentDecisions(host.Database.CreateContextFactory(), TimeProvider.System);
        using var client = host.Client();
        var units = AssignmentClient.Units("gr", 4_000);

        var result = await decisions.ActAsync(experiment.Key, LeadActionKind.Graduate, MlLead, "errors fine for a week", _ct);

        Assert.Equal(LeadActionOutcome.Applied, result.Outcome);
        var clock = Stopwatch.StartNew();
        Dictionary<string, string> arms;
        do
        {
            arms = await AssignmentClient.AssignAsync(client, experiment.Key, units);
        }
        while (!arms.ContainsValue("staging") && clock.Elapsed < TimeSpan.FromSeconds(5));

        var stagingShare = arms.Values.Count(a => a == "staging") / (double)units.Length;
        Assert.InRange(stagingShare, 0.08, 0.12);
        await using var db = host.Database.CreateContext();
        var after = await db.Experiments.SingleAsync(e => e.Id == experiment.Id, _ct);
        Assert.Equal((ExperimentMode.AbTest, 0.10), (after.Mode, after.StagingShare));
        var audit = await db.AuditLog.Where(a => a.ExperimentId == experiment.Id).OrderByDescending(a => a.Id).FirstAsync(_ct);
        Assert.Equal(("shadow.graduated", "kim.ml", "errors fine for a week"), (audit.Action, audit.ActorName, audit.Justification));
        Assert.Equal("Shadow", JsonDocument.Parse(audit.BeforeJson!).RootElement.GetProperty("Mode").GetString());
        Assert.Equal("AbTest", JsonDocument.Parse(audit.AfterJson!).RootElement.GetProperty("Mode").GetString());
    }

    /// <summary>Looks until the evaluator has seen the events and the status satisfies <paramref name="done"/> (bounded).</summary>
    private async Task<ExperimentStatus> LookUntilAsync(Guid experimentId, Func<ExperimentStatus, bool> done)
    {
        var factory = host.Database.CreateContextFactory();
        var evaluator = new DecisionEvaluator(factory, new LiveDecisions(new ExperimentStatisticsReader(factory), new EvaluationStore(factory)),
            Options.Create(new DatabaseOptions { ConnectionString = host.Database.ConnectionString }),
            Options.Create(new DecisionEvaluatorOptions()), TimeProvider.System, NullLogger<DecisionEvaluator>.Instance);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await evaluator.LookOnceAsync(_ct);
            await using var db = host.Database.CreateContext();
            var status = await db.Experiments.Where(e => e.Id == experimentId).Select(e => e.Status).SingleAsync(_ct);
            var looked = await db.DecisionEvaluations.AnyAsync(e => e.ExperimentId == experimentId, _ct);
            if (looked && done(status) || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                return status;
            }

            await Task.Delay(100, _ct);
        }
    }
}
