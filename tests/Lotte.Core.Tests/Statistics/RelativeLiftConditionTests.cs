using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class RelativeLiftConditionTests
{
    [Fact]
    public void IsMet_ExactlyFivePercentAboveWhereDoubleSaysAbove_IsFalse()
    {
        // 21/38 = 1.05 × 180/342 exactly; (21.0/38) > (180.0/342)*1.05 is true in IEEE double.
        var staging = new ProportionStatistic(38, 21);
        var production = new ProportionStatistic(342, 180);

        Assert.True(staging.Rate > production.Rate * 1.05);
        Assert.False(RelativeLiftCondition.IsMet(staging, production, 0.05m));
    }

    [Fact]
    public void IsMet_OneConversionAboveTheBoundary_IsTrue() =>
        Assert.True(RelativeLiftCondition.IsMet(new ProportionStatistic(1000, 53), new ProportionStatistic(9000, 450), 0.05m));

    [Fact]
    public void IsMet_ProductionWithoutConversions_IsTrueWhenStagingConverts() =>
        Assert.True(RelativeLiftCondition.IsMet(new ProportionStatistic(100, 1), new ProportionStatistic(900, 0), 0.05m));

    [Fact]
    public void IsMet_NoUnits_IsFalse() =>
        Assert.False(RelativeLiftCondition.IsMet(new ProportionStatistic(0, 0), new ProportionStatistic(900, 0), 0m));

    [Fact]
    public void IsMet_TwoMillionUnitsPerArm_DoesNotOverflow() =>
        Assert.True(RelativeLiftCondition.IsMet(new ProportionStatistic(2_000_000, 1_100_000), new ProportionStatistic(2_000_000, 1_000_000), 0.05m));
}
