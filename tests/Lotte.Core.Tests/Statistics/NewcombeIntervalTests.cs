using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class NewcombeIntervalTests
{
    [Fact]
    public void Compute_GridCase_MatchesStatsmodels()
    {
        var interval = NewcombeInterval.Compute(new ProportionStatistic(10000, 600), new ProportionStatistic(90000, 4500));

        Assert.Equal(0.005285791608817152, interval.Lower, 1e-12);
        Assert.Equal(0.015026093920947243, interval.Upper, 1e-12);
    }

    [Fact]
    public void Compute_ArmWithoutUnits_ReturnsNoData() =>
        Assert.Equal(StatisticsError.NoData, NewcombeInterval.Compute(new ProportionStatistic(0, 0), new ProportionStatistic(10, 1)).Error);
}
