using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class GrowthBookSequentialTestTests
{
    [Fact]
    public void Compute_AnyCase_EqualsMixtureSprtWithDataDependentTau()
    {
        // GrowthBook's test is the mixture SPRT with τ² = nρ²·SE² (absolute scale).
        var staging = new ProportionStatistic(10000, 560);
        var production = new ProportionStatistic(90000, 4500);
        var growthBook = GrowthBookSequentialTest.Compute(staging, production, new GrowthBookSequentialSettings(DifferenceType: DifferenceType.Absolute));

        var tau2 = growthBook.TotalUnits * growthBook.Rho * growthBook.Rho * growthBook.StandardError * growthBook.StandardError;
        var msprt = MixtureSprt.Evaluate(staging, production, new MixtureSprtSettings(tau2, Variance: MixtureSprtVariance.Unpooled));

        Assert.Equal(growthBook.LogEValue, msprt.LogLambda, 1e-9);
    }

    [Fact]
    public void Compute_RelativeWithoutProductionConversions_ReturnsUndefinedRatio() =>
        Assert.Equal(StatisticsError.UndefinedRatio,
            GrowthBookSequentialTest.Compute(new ProportionStatistic(100, 3), new ProportionStatistic(900, 0)).Error);

    [Fact]
    public void Compute_NoUnits_ReturnsPOne() =>
        Assert.Equal(1, GrowthBookSequentialTest.Compute(new ProportionStatistic(0, 0), new ProportionStatistic(900, 10)).PValue);
}
