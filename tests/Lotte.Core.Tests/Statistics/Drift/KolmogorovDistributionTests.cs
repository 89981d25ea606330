using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Tests.Statistics.Drift;

public sealed class KolmogorovDistributionTests
{
    [Theory]
    [InlineData(1.2238, 0.10)] // the tabulated asymptotic critical values of √n·D
    [InlineData(1.3581, 0.05)]
    [InlineData(1.6276, 0.01)]
    [InlineData(1.9495, 0.001)]
    public void Survival_CriticalValues_GiveTheirLevel(double lambda, double level) =>
        Assert.Equal(level, KolmogorovDistribution.Survival(lambda), level * 2e-3);

    [Theory]
    [InlineData(0.5, 1 - 0.036055)] // Kolmogorov's K(0.5) = 0.036055
    [InlineData(1.0, 1 - 0.730000)] // K(1) = 0.7300003
    public void Survival_KnownCdfValues_Match(double lambda, double expected) =>
        Assert.Equal(expected, KolmogorovDistribution.Survival(lambda), 1e-5);

    [Fact]
    public void Survival_AcrossTheSeriesSwitch_IsContinuous() =>
        Assert.Equal(KolmogorovDistribution.Survival(1.18 - 1e-12), KolmogorovDistribution.Survival(1.18), 1e-10);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Survival_NonPositive_IsOne(double lambda) => Assert.Equal(1, KolmogorovDistribution.Survival(lambda));

    [Fact]
    public void Survival_FarTail_IsTinyButNotNegative()
    {
        var p = KolmogorovDistribution.Survival(10);

        Assert.InRange(p, 0, 1e-80);
        Assert.Equal(2 * Math.Exp(-200), p, 1e-95);
    }
}
