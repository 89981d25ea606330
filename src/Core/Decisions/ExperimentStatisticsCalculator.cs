using Lotte.Core.Statistics;

namespace Lotte.Core.Decisions;

/// <summary>Computes every statistic of one look from the snapshot; constant cost whatever the counts.</summary>
internal static class ExperimentStatisticsCalculator
{
    public static ExperimentStatistics Compute(ExperimentSnapshot snapshot, DecisionPolicy policy, SequentialState previous)
    {
        var staging = snapshot.Staging.Conversion;
        var production = snapshot.Production.Conversion;
        var alpha = policy.Alpha;

        var growthBook = policy.Significance == SignificanceMethod.GrowthBookSequential
            ? GrowthBookSequentialTest.Compute(staging, production, policy.GrowthBookSettings)
            : null;
        var value = snapshot.Staging.Value is { } stagingValue && snapshot.Production.Value is { } productionValue
            ? WelchTTest.Compute(stagingValue, productionValue)
            : null;
        var observedUnits = new[] { snapshot.Production.ExposedUnits, snapshot.Staging.ExposedUnits };
        var weights = new[] { 1 - snapshot.StagingShare, snapshot.StagingShare };

        return new ExperimentStatistics(
            WilsonInterval.Compute(production, alpha),
            WilsonInterval.Compute(staging, alpha),
            NewcombeInterval.Compute(staging, production, alpha),
            RelativeLiftInterval.Compute(staging, production, alpha),
            FixedHorizonTest.Compute(staging, production, policy.ExactTestForSmallCounts),
            Sequential(snapshot, policy, previous),
            growthBook,
            SampleRatioMismatchTest.Compute(observedUnits, weights, policy.SampleRatioMismatch),
            ErrorGuard.Interval(snapshot.Staging.ErrorRate, policy),
            WilsonInterval.Compute(snapshot.Production.ErrorRate, alpha),
            value);
    }

    /// <summary>
    /// The mixture SPRT at this look. Before both arms reach the policy's minimum units, the look is not folded into
    /// the running minimum (monitoring starts later, which keeps the p-value valid and only more conservative).
    /// </summary>
    private static MixtureSprtResult Sequential(ExperimentSnapshot snapshot, DecisionPolicy policy, SequentialState previous)
    {
        var result = MixtureSprt.Evaluate(snapshot.Staging.Conversion, snapshot.Production.Conversion, policy.SprtSettings, previous);
        var started = Math.Min(snapshot.Staging.ExposedUnits, snapshot.Production.ExposedUnits) >= policy.MinUnitsPerArm;
        return started
            ? result
            : result with { PAlwaysValid = previous.PAlwaysValid, CsLower = previous.CsLower, CsUpper = previous.CsUpper, State = previous };
    }
}
