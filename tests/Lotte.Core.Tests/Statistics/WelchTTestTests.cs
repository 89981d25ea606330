using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class WelchTTestTests
{
    [Fact]
    public void Compute_ContractValueScenario_MatchesScipy()
    {
        var result = WelchTTest.Compute(new SampleMeanStatistic(1000, 1260, 850.0 * 850), new SampleMeanStatistic(9000, 1200, 800.0 * 800));

        Assert.Equal(2.1298419686306698, result.T, 1e-12);
        Assert.Equal(1204.0332346001424, result.DegreesOfFreedom, 1e-9);
        Assert.Equal(0.03338699808955193, result.PTwoSided, 1e-9);
    }

    [Fact]
    public void Compute_SingleObservationArm_ReturnsInsufficientData()
    {
        var result = WelchTTest.Compute(new SampleMeanStatistic(1, 5, 0), new SampleMeanStatistic(10, 4, 1));

        Assert.Equal(StatisticsError.InsufficientData, result.Error);
        Assert.Equal(1, result.PTwoSided);
    }

    [Fact]
    public void Compute_BothVariancesZero_ReturnsZeroVariance() =>
        Assert.Equal(StatisticsError.ZeroVariance, WelchTTest.Compute(new SampleMeanStatistic(5, 1, 0), new SampleMeanStatistic(5, 2, 0)).Error);

    [Fact]
    public void FromSums_KnownValues_GiveMeanAndSampleVariance()
    {
        // Values 1, 2, 3, 4: mean 2.5, sample variance 5/3.
        var statistic = SampleMeanStatistic.FromSums(4, 10, 30);

        Assert.Equal(2.5, statistic.Mean, 1e-12);
        Assert.Equal(5.0 / 3, statistic.Variance, 1e-12);
    }
}
