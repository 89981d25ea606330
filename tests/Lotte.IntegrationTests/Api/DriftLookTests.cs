using System.Text.Json;
using Lotte.Core.Analysis;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Drift;
using Lotte.Core.Experiments;
using Lotte.Core.Persistence;
using Lotte.Core.Statistics.Drift;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lotte.IntegrationTests.Api;

/// <summary>
/// Prediction scores sent through the API, a look by the decision evaluator, and the stored drift: the numbers equal
/// those computed in memory from the same scores, drift warns, and rolls back only when the policy says so.
/// </summary>
public class DriftLookTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const int ProductionScores = 3_000;
    private const int StagingScores = 1_500;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Look_StagingScoresShifted_StoresTheNumbersAndAnAlertButKeepsTesting()
    {
        var experiment = await host.AddExperimentAsync("drift-shifted");
        var (production, staging) = await SendScoresAsync(experiment, seed: 1, stagingPower: 0.5);

        await LookAsync();

        var look = await LatestLookAsync(experiment.Id);
        Assert.Equal((nameof(DriftLevel.Alert), nameof(DriftLevel.Alert), nameof(DriftReferenceKind.ExperimentStart)),
            (look.Level, look.StagingLevel, look.ReferenceKind));
        var comparisons = Comparisons(look);
        // The fallback reference is Production's first hour, which here holds all of Production's scores.
        AssertNumbers(production, staging, comparisons[DriftComparisonKind.StagingVsReference]);
        AssertNumbers(production, production, comparisons[DriftComparisonKind.ProductionVsReference]);
        Assert.Equal(0, comparisons[DriftComparisonKind.ProductionVsReference].Numbers.Psi, 1e-12);
        Assert.True(comparisons[DriftComparisonKind.StagingVsReference].Numbers.Psi >= 0.25);
        var history = await new DriftStore(host.Database.CreateContextFactory()).HistoryAsync(experiment.Id, 300, _ct);
        Assert.Equal(comparisons[DriftComparisonKind.StagingVsReference].Numbers.Psi, history[^1].StagingPsi);
        Assert.Equal(comparisons[DriftComparisonKind.ProductionVsReference].Numbers.KsPValue, history[^1].ProductionKsPValue);

        var decision = await LatestDecisionAsync(experiment.Id);
        Assert.Equal(nameof(Decision.KeepTesting), decision.Decision);
        Assert.Equal("Alert", JsonDocument.Parse(decision.ResultJson).RootElement.GetProperty("drift").GetProperty("stagingLevel").GetString());
        Assert.Equal(ExperimentStatus.Running, await StatusAsync(experiment.Id));

        var live = await Live().EvaluateAsync(experiment, await new ExperimentStatisticsReader(host.Database.CreateContextFactory()).TotalsAsync(experiment.Id, _ct), _ct);
        Assert.Equal(DriftLevel.Alert, live.Drift?.StagingLevel);
    }

    [Fact]
    public async Task Look_StagingScoresLikeProduction_StoresNoDrift()
    {
        var experiment = await host.AddExperimentAsync("drift-steady");
        var (production, staging) = await SendScoresAsync(experiment, seed: 2, stagingPower: 2);

        await LookAsync();

        var look = await LatestLookAsync(experiment.Id);
        Assert.Equal((nameof(DriftLevel.None), nameof(DriftLevel.None)), (look.Level, look.StagingLevel));
        var staged = Comparisons(look)[DriftComparisonKind.StagingVsReference];
        AssertNumbers(production, staging, staged);
        Assert.InRange(staged.Numbers.Psi, 0, 0.1);
        Assert.InRange(staged.Numbers.NormedWasserstein, 0, 0.1);
    }

    [Fact]
    public async Task Look_DriftAlertWithRollBackOnDrift_RollsBack()
    {
        var experiment = await host.AddExperimentAsync("drift-rollback");
        await using (var db = host.Database.CreateContext())
        {
            var row = await db.Experiments.SingleAsync(e => e.Id == experiment.Id, _ct);
            row.Policy = row.Policy with { Drift = row.Policy.Drift with { RollBackOnDrift = true } };
            await db.SaveChangesAsync(_ct);
        }

        await SendScoresAsync(experiment, seed: 3, stagingPower: 0.5);

        await LookAsync();

        Assert.Equal(ExperimentStatus.RolledBack, await StatusAsync(experiment.Id));
        var decision = await LatestDecisionAsync(experiment.Id);
        Assert.Equal(nameof(Decision.Rollback), decision.Decision);
        Assert.Contains("ScoreDriftAlert", decision.ResultJson, StringComparison.Ordinal);
        await using var check = host.Database.CreateContext();
        var audit = await check.AuditLog.Where(a => a.ExperimentId == experiment.Id).ToListAsync(_ct);
        var rollback = Assert.Single(audit, a => a.Action == "decision.rollback.applied");
        Assert.Contains("prediction scores have drifted", rollback.Justification, StringComparison.Ordinal);
        var alert = Assert.Single(audit, a => a.Action == "drift.alert"); // notified to webhooks as a drift alert
        Assert.Contains("PSI", alert.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Look_ProductionScoresBeforeTheStart_AreTheReference()
    {
        // An earlier experiment of another model served Production's scores before this one started.
        var now = DateTimeOffset.UtcNow;
        var earlier = new Experiment("drift-earlier", "drift-earlier", "auto-matching", "7", "8", "tests", now.AddHours(-2));
        earlier.Start(now.AddHours(-2));
        var later = new Experiment("drift-later", "drift-later", "auto-matching", "7", "9", "tests", now.AddMinutes(-30));
        later.Start(now.AddMinutes(-30));
        await using (var db = host.Database.CreateContext())
        {
            db.Experiments.AddRange(earlier, later);
            await db.SaveChangesAsync(_ct);
        }

        var random = new Random(4);
        var before = Enumerable.Range(0, 2_000).Select(_ => Math.Pow(random.NextDouble(), 2)).ToArray();
        await PostAsync(earlier.Key, before.Select((s, i) => WireEvents.Prediction($"b{i}", $"ub{i}", "production", s, now.AddMinutes(-90).AddSeconds(i))));
        var (_, staging) = await SendScoresAsync(later, seed: 5, stagingPower: 2, from: now.AddMinutes(-25));

        await LookAsync();

        var look = await LatestLookAsync(later.Id);
        Assert.Equal(nameof(DriftReferenceKind.BeforeExperiment), look.ReferenceKind);
        AssertNumbers(before, staging, Comparisons(look)[DriftComparisonKind.StagingVsReference]);
        var detail = await new DriftStore(host.Database.CreateContextFactory()).LatestAsync(later.Id, _ct);
        Assert.Equal(before.Length, detail!.Histograms.Reference.Total);
        Assert.Equal(later.StartedAt!.Value, detail.Histograms.ReferenceTo!.Value, TimeSpan.FromMilliseconds(1));
    }

    private void AssertNumbers(double[] reference, double[] current, DriftComparisonResult stored)
    {
        var binning = DriftPolicy.Default.Binning;
        var expected = ScoreDriftComparison.Compute(ScoreHistogram.FromScores(reference, binning), ScoreHistogram.FromScores(current, binning));
        Assert.Equal((expected.ReferenceCount, expected.CurrentCount), (stored.Numbers.ReferenceCount, stored.Numbers.CurrentCount));
        Assert.Equal(expected.Psi, stored.Numbers.Psi, 1e-12);
        Assert.Equal(expected.KsStatistic, stored.Numbers.KsStatistic, 1e-12);
        Assert.Equal(expected.KsPValue, stored.Numbers.KsPValue, 1e-12);
        Assert.Equal(expected.NormedWasserstein, stored.Numbers.NormedWasserstein, 1e-12);
    }

    /// <summary>Production scores skewed low (u²), Staging's u^power: 2 is the same distribution, 0.5 a strong shift up.</summary>
    private async Task<(double[] Production, double[] Staging)> SendScoresAsync(Experiment experiment, int seed, double stagingPower, DateTimeOffset? from = null)
    {
        var random = new Random(seed);
        var start = from ?? experiment.StartedAt!.Value.AddMinutes(5);
        var production = Enumerable.Range(0, ProductionScores).Select(_ => Math.Pow(random.NextDouble(), 2)).ToArray();
        var staging = Enumerable.Range(0, StagingScores).Select(_ => Math.Pow(random.NextDouble(), stagingPower)).ToArray();
        var events = production.Select((s, i) => WireEvents.Prediction($"p{i}", $"up{i}", "production", s, start.AddSeconds(i * 0.5)))
            .Concat(staging.Select((s, i) => WireEvents.Prediction($"s{i}", $"us{i}", "staging", s, start.AddSeconds(i))));
        await PostAsync(experiment.Key, events);
        return (production, staging);
    }

    private async Task PostAsync(string key, IEnumerable<object> events)
    {
        using var response = await host.PostEventsAsync(key, events);
        response.EnsureSuccessStatusCode();
        await host.Database.WaitForProjectionAsync(); // the evaluator looks at experiments whose statistics changed
    }

    private LiveDecisions Live()
    {
        var factory = host.Database.CreateContextFactory();
        return new LiveDecisions(new ExperimentStatisticsReader(factory), new EvaluationStore(factory), new DriftStore(factory));
    }

    private async Task LookAsync()
    {
        var factory = host.Database.CreateContextFactory();
        var evaluator = new DecisionEvaluator(factory, Live(),
            Options.Create(new DatabaseOptions { ConnectionString = host.Database.ConnectionString }),
            Options.Create(new DecisionEvaluatorOptions()), TimeProvider.System, NullLogger<DecisionEvaluator>.Instance, new DriftStore(factory));
        await evaluator.LookOnceAsync(_ct);
    }

    private async Task<DriftLook> LatestLookAsync(Guid experimentId)
    {
        await using var db = host.Database.CreateContext();
        return await db.DriftLooks.Where(l => l.ExperimentId == experimentId).OrderByDescending(l => l.Id).FirstAsync(_ct);
    }

    private async Task<DecisionEvaluation> LatestDecisionAsync(Guid experimentId)
    {
        await using var db = host.Database.CreateContext();
        return await db.DecisionEvaluations.Where(e => e.ExperimentId == experimentId).OrderByDescending(e => e.Id).FirstAsync(_ct);
    }

    private async Task<ExperimentStatus> StatusAsync(Guid experimentId)
    {
        await using var db = host.Database.CreateContext();
        return await db.Experiments.Where(e => e.Id == experimentId).Select(e => e.Status).SingleAsync(_ct);
    }

    private static Dictionary<DriftComparisonKind, DriftComparisonResult> Comparisons(DriftLook look) =>
        JsonSerializer.Deserialize<List<DriftComparisonResult>>(look.ComparisonsJson, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        })!.ToDictionary(c => c.Kind);
}
