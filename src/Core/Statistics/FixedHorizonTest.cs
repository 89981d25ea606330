namespace Lotte.Core.Statistics;

/// <summary>
/// Picks the single-look test for a 2×2 comparison of conversion rates.
/// </summary>
/// <remarks>
/// Rule (Cochran's): when any expected cell count of the 2×2 table is below
/// <see cref="MinimumExpectedCount"/> (5), the normal approximation behind the z-test is poor and the p-value
/// comes from Fisher's exact test (two-sided); otherwise it is the pooled z-test's (equal to Pearson's χ²
/// without correction). The engine only applies this rule when the policy asks for it
/// (<c>DecisionPolicy.ExactTestForSmallCounts</c>).
/// </remarks>
public static class FixedHorizonTest
{
    /// <summary>Expected cell count below which Fisher's exact test replaces the z-test.</summary>
    public const double MinimumExpectedCount = 5.0;

    public static FixedHorizonResult Compute(ProportionStatistic treatment, ProportionStatistic control, bool exactForSmallCounts)
    {
        var zTest = TwoProportionZTest.Compute(treatment, control);
        if (!exactForSmallCounts || zTest.Error is StatisticsError.InvalidInput or StatisticsError.NoData)
        {
            return new FixedHorizonResult(zTest.PTwoSided, FixedHorizonMethod.PooledZTest, zTest);
        }

        var table = TwoByTwoTable.From(treatment, control);
        if (table.MinimumExpected() >= MinimumExpectedCount)
        {
            return new FixedHorizonResult(zTest.PTwoSided, FixedHorizonMethod.PooledZTest, zTest);
        }

        var fisher = FisherExactTest.Compute(table);
        return new FixedHorizonResult(fisher.PTwoSided, FixedHorizonMethod.FisherExact, zTest);
    }
}
