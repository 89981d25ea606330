using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class TwoProportionZTestTests
{
    [Fact]
    public void Compute_RandomReferenceCase_MatchesStatsmodels()
    {
        // statsmodels proportions_ztest([369, 2299], [113410, 991669]) (reference case A-rand-03).
        var result = TwoProportionZTest.Compute(new ProportionStatistic(113410, 369), new ProportionStatistic(991669, 2299));

        Assert.Equal(6.08027584941268, result.Z, 1e-9);
        Assert.Equal(1.199759638539409e-09, result.PTwoSided, 1e-15);
        Assert.Equal(StatisticsError.None, result.Error);
    }

    [Fact]
    public void Compute_ArmsSwapped_NegatesZAndKeepsTwoSidedP()
    {
        var staging = new ProportionStatistic(1000, 60);
        var production = new ProportionStatistic(9000, 450);

        var forward = TwoProportionZTest.Compute(staging, production);
        var swapped = TwoProportionZTest.Compute(production, staging);

        Assert.Equal(-forward.Z, swapped.Z, 1e-12);
        Assert.Equal(forward.PTwoSided, swapped.PTwoSided, 1e-15);
        Assert.Equal(1, forward.POneSidedTreatmentGreater + swapped.POneSidedTreatmentGreater, 1e-12);
    }

    [Fact]
    public void Compute_HugeZ_ReturnsTinyPositiveTailInsteadOfZero()
    {
        // z ≈ 35: 1 − CDF would give exactly 0; the small tail keeps ~1e-270.
        var result = TwoProportionZTest.Compute(new ProportionStatistic(100_000, 21_000), new ProportionStatistic(900_000, 150_000));

        Assert.True(result.Z > 30);
        Assert.InRange(result.PTwoSided, double.Epsilon, 1e-200);
    }

    [Fact]
    public void Compute_BothArmsWithoutConversions_ReturnsZeroVarianceConvention()
    {
        var result = TwoProportionZTest.Compute(new ProportionStatistic(100, 0), new ProportionStatistic(900, 0));

        Assert.Equal(StatisticsError.ZeroVariance, result.Error);
        Assert.Equal(0, result.Z);
        Assert.Equal(1, result.PTwoSided);
        Assert.Equal(0.5, result.POneSidedTreatmentGreater);
    }

    [Fact]
    public void Compute_ArmWithoutUnits_ReturnsNoDataAndFiniteValues()
    {
        var result = TwoProportionZTest.Compute(new ProportionStatistic(0, 0), new ProportionStatistic(900, 45));

        Assert.Equal(StatisticsError.NoData, result.Error);
        Assert.Equal(1, result.PTwoSided);
        Assert.True(double.IsFinite(result.Difference));
    }

    [Fact]
    public void Compute_MoreConversionsThanUnits_ReturnsInvalidInput()
    {
        var result = TwoProportionZTest.Compute(new ProportionStatistic(10, 11), new ProportionStatistic(900, 45));

        Assert.Equal(StatisticsError.InvalidInput, result.Error);
        Assert.Equal(0, result.RateTreatment);
    }
}
