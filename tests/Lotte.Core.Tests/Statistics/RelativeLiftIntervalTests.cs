using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class RelativeLiftIntervalTests
{
    [Fact]
    public void Compute_TwentyPercentLift_MatchesStatsmodelsLogMethod()
    {
        var interval = RelativeLiftInterval.Compute(new ProportionStatistic(1000, 60), new ProportionStatistic(9000, 450));

        Assert.Equal(0.2, interval.Lift, 1e-12);
        Assert.Equal(0.924033479771388, interval.RatioLower, 1e-12);
        Assert.Equal(1.558385092665977, interval.RatioUpper, 1e-12);
    }

    [Fact]
    public void Compute_ProductionWithoutConversions_ReturnsUndefinedRatio()
    {
        var interval = RelativeLiftInterval.Compute(new ProportionStatistic(111, 5), new ProportionStatistic(1000, 0));

        Assert.Equal(StatisticsError.UndefinedRatio, interval.Error);
        Assert.Equal(0, interval.Ratio);
    }

    [Fact]
    public void ComputeLogAdjusted_ProductionWithoutConversions_StaysFinite()
    {
        var interval = RelativeLiftInterval.ComputeLogAdjusted(new ProportionStatistic(111, 5), new ProportionStatistic(1000, 0));

        Assert.Equal(StatisticsError.None, interval.Error);
        Assert.True(double.IsFinite(interval.RatioUpper) && interval.RatioLower > 1);
    }
}
