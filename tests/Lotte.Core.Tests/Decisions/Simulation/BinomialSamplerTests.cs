using Lotte.Core.Decisions.Simulation;

namespace Lotte.Core.Tests.Decisions.Simulation;

public sealed class BinomialSamplerTests
{
    [Theory]
    [InlineData(0, 0.3, 0)]
    [InlineData(50, 0, 0)]
    [InlineData(50, 1, 50)]
    public void Sample_DegenerateParameters_ReturnsTheOnlyPossibleValue(long n, double p, long expected) =>
        Assert.Equal(expected, BinomialSampler.Sample(new Random(1), n, p));

    [Theory]
    [InlineData(1000, 0.1)]
    [InlineData(100, 0.05)]
    [InlineData(5, 0.5)]
    [InlineData(2_000_000, 0.05)]
    public void Sample_ManyDraws_MatchBinomialMeanAndVariance(long n, double p)
    {
        var random = new Random(20240601);
        const int draws = 40_000;
        double sum = 0, sumOfSquares = 0;
        for (var i = 0; i < draws; i++)
        {
            var k = BinomialSampler.Sample(random, n, p);
            Assert.InRange(k, 0, n);
            sum += k;
            sumOfSquares += (double)k * k;
        }

        var mean = sum / draws;
        var variance = sumOfSquares / draws - mean * mean;
        var expectedVariance = n * p * (1 - p);

        // 5 standard errors of the sample mean; the variance within 5 %.
        Assert.InRange(mean, n * p - 5 * Math.Sqrt(expectedVariance / draws), n * p + 5 * Math.Sqrt(expectedVariance / draws));
        Assert.InRange(variance, 0.95 * expectedVariance, 1.05 * expectedVariance);
    }
}
