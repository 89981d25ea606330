using System.Globalization;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Explanations;
using Lotte.Core.Drift;
using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Tests.Decisions;

public sealed class DriftRuleTests
{
    private static readonly ScoreBinning Twenty = ScoreBinning.Default;

    [Fact]
    public void Apply_AlertWithoutRollBackOnDrift_KeepsTheDecisionAndReportsTheDrift()
    {
        var result = DecisionEngine.Evaluate(Snapshots.Create(9_000, 450, 1_000, 50), DecisionPolicy.Default);

        var withDrift = DriftRule.Apply(result, Drifted(DecisionPolicy.Default.Drift));

        Assert.Equal(Decision.KeepTesting, withDrift.Decision);
        Assert.Equal(result.Reasons, withDrift.Reasons);
        Assert.Equal(DriftLevel.Alert, withDrift.Drift!.StagingLevel);
    }

    [Fact]
    public void Apply_AlertWithRollBackOnDrift_RollsBackWithItsReason()
    {
        var policy = DecisionPolicy.Default with { Drift = DriftPolicy.Default with { RollBackOnDrift = true } };
        var result = DecisionEngine.Evaluate(Snapshots.Create(9_000, 450, 1_000, 50), policy);

        var withDrift = DriftRule.Apply(result, Drifted(policy.Drift));

        Assert.Equal(Decision.Rollback, withDrift.Decision);
        Assert.Equal([ReasonCode.ScoreDriftAlert], withDrift.Reasons);
        var explanation = DecisionExplainer.Explain(withDrift);
        Assert.Contains("PSI 13.80,", explanation.English, StringComparison.Ordinal);
        Assert.Contains("alert level 0.25", explanation.English, StringComparison.Ordinal);
        Assert.Contains("Staging traffic goes to 0 now.", explanation.English, StringComparison.Ordinal);
        Assert.Contains("드리프트", explanation.Korean, StringComparison.Ordinal);
        Assert.Contains("0.25", explanation.Korean, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_WarningWithRollBackOnDrift_DoesNotRollBack()
    {
        var policy = DecisionPolicy.Default with { Drift = DriftPolicy.Default with { RollBackOnDrift = true, PsiAlert = 1_000 } };
        var result = DecisionEngine.Evaluate(Snapshots.Create(9_000, 450, 1_000, 50), policy);

        var withDrift = DriftRule.Apply(result, Drifted(policy.Drift));

        Assert.Equal(DriftLevel.Warning, withDrift.Drift!.StagingLevel);
        Assert.Equal(Decision.KeepTesting, withDrift.Decision);
    }

    [Fact]
    public void Apply_HaltStaysHalt()
    {
        var policy = DecisionPolicy.Default with { Drift = DriftPolicy.Default with { RollBackOnDrift = true } };
        var halted = DecisionEngine.Evaluate(Snapshots.Create(9_000, 450, 3_000, 150), policy); // sample-ratio mismatch

        Assert.Equal(Decision.Halt, DriftRule.Apply(halted, Drifted(policy.Drift)).Decision);
    }

    [Fact]
    public void Apply_NoDrift_ReturnsTheResultUnchanged()
    {
        var result = DecisionEngine.Evaluate(Snapshots.Create(9_000, 450, 1_000, 50), DecisionPolicy.Default);

        Assert.Same(result, DriftRule.Apply(result, null));
    }

    [Fact]
    public void Assess_StagingShiftedProductionSteady_AlertsOnStagingOnly()
    {
        var drift = Drifted(DriftPolicy.Default);

        Assert.Equal(DriftLevel.Alert, drift.Of(DriftComparisonKind.StagingVsReference)!.Level);
        Assert.Equal(DriftLevel.None, drift.Of(DriftComparisonKind.ProductionVsReference)!.Level);
        Assert.Equal(DriftLevel.Alert, drift.Of(DriftComparisonKind.StagingVsProduction)!.Level);
        Assert.Equal(DriftLevel.Alert, drift.Level);
    }

    [Fact]
    public void Assess_NoStagingScores_IsNotEvaluatedForStaging()
    {
        var reference = Uniform(0, 10, 200);
        var histograms = new DriftHistograms(reference, reference, ScoreHistogram.Empty(Twenty), DriftReferenceKind.ExperimentStart, null, null);

        var drift = DriftAssessment.Assess(histograms, DriftPolicy.Default, DateTimeOffset.UnixEpoch);

        Assert.Equal(DriftLevel.NotEvaluated, drift.StagingLevel);
        Assert.Equal(DriftLevel.None, drift.Level);
    }

    /// <summary>Reference and Production uniform over the lower half, Staging over the upper half (PSI = 20 · 0.0999 · ln 1000 ≈ 13.80).</summary>
    private static DriftAssessment Drifted(DriftPolicy policy)
    {
        var reference = Uniform(0, 10, 200);
        var histograms = new DriftHistograms(reference, Uniform(0, 10, 300), Uniform(10, 20, 100), DriftReferenceKind.BeforeExperiment,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));
        return DriftAssessment.Assess(histograms, policy, DateTimeOffset.UnixEpoch.AddDays(2));
    }

    private static ScoreHistogram Uniform(int fromBin, int toBin, long perBin) =>
        new(Twenty, Enumerable.Range(0, 20).Select(i => i >= fromBin && i < toBin ? perBin : 0).ToArray());
}
