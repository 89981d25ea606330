using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class FixedHorizonTestTests
{
    [Fact]
    public void Compute_ExpectedCellBelowFive_UsesFisher()
    {
        var staging = new ProportionStatistic(50, 6);
        var production = new ProportionStatistic(450, 20);

        var result = FixedHorizonTest.Compute(staging, production, exactForSmallCounts: true);

        Assert.Equal(FixedHorizonMethod.FisherExact, result.Method);
        Assert.Equal(FisherExactTest.Compute(TwoByTwoTable.From(staging, production)).PTwoSided, result.PTwoSided);
    }

    [Fact]
    public void Compute_EveryExpectedCellAtLeastFive_UsesZTest()
    {
        var result = FixedHorizonTest.Compute(new ProportionStatistic(1000, 60), new ProportionStatistic(9000, 450), exactForSmallCounts: true);

        Assert.Equal(FixedHorizonMethod.PooledZTest, result.Method);
        Assert.Equal(result.ZTest.PTwoSided, result.PTwoSided);
    }

    [Fact]
    public void Compute_ExactDisabled_AlwaysUsesZTest() =>
        Assert.Equal(FixedHorizonMethod.PooledZTest,
            FixedHorizonTest.Compute(new ProportionStatistic(50, 6), new ProportionStatistic(450, 20), exactForSmallCounts: false).Method);
}
