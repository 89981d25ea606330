using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    [Fact]
    public void Compute_OneOfTen_MatchesStatsmodels()
    {
        var interval = WilsonInterval.Compute(new ProportionStatistic(10, 1));

        Assert.Equal(0.017876213095072924, interval.Lower, 1e-12);
        Assert.Equal(0.40415002679523854, interval.Upper, 1e-12);
    }

    [Fact]
    public void Compute_HigherConfidence_IsWider()
    {
        var arm = new ProportionStatistic(1000, 50);

        var at95 = WilsonInterval.Compute(arm, 0.05);
        var at99 = WilsonInterval.Compute(arm, 0.01);

        Assert.True(at99.Lower < at95.Lower && at99.Upper > at95.Upper);
    }

    [Fact]
    public void Compute_NoUnits_ReturnsWholeRangeWithNoData()
    {
        var interval = WilsonInterval.Compute(new ProportionStatistic(0, 0));

        Assert.Equal((0.0, 1.0, StatisticsError.NoData), (interval.Lower, interval.Upper, interval.Error));
    }

    [Fact]
    public void Compute_AlphaOutOfRange_ReturnsInvalidSettings() =>
        Assert.Equal(StatisticsError.InvalidSettings, WilsonInterval.Compute(new ProportionStatistic(10, 1), 1.5).Error);
}
