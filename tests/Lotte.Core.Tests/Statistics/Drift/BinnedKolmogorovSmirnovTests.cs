using Lotte.Core.Statistics;
using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Tests.Statistics.Drift;

public sealed class BinnedKolmogorovSmirnovTests
{
    private static readonly ScoreBinning Twenty = ScoreBinning.Default;

    [Theory]
    [InlineData(1, 300, 500)]
    [InlineData(2, 40, 1000)]
    [InlineData(3, 2000, 150)]
    public void Compute_ScoresAtBinCentres_EqualsTheExactSortBasedStatistic(int seed, int n, int m)
    {
        var random = new Random(seed);
        var reference = Centres(random, n, skew: 1.0);
        var current = Centres(random, m, skew: 1.6);

        var result = BinnedKolmogorovSmirnov.Compute(ScoreHistogram.FromScores(reference, Twenty), ScoreHistogram.FromScores(current, Twenty));

        Assert.Equal(ExactD(reference, current), result.Statistic, 1e-12);
        Assert.True(result.Statistic > 0);
    }

    [Fact]
    public void Compute_ScoresInsideBins_IsAtMostTheExactStatistic()
    {
        var random = new Random(7);
        var reference = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();
        var current = Enumerable.Range(0, 500).Select(_ => Math.Pow(random.NextDouble(), 1.3)).ToArray();

        var result = BinnedKolmogorovSmirnov.Compute(ScoreHistogram.FromScores(reference, Twenty), ScoreHistogram.FromScores(current, Twenty));

        Assert.InRange(result.Statistic, 0.5 * ExactD(reference, current), ExactD(reference, current) + 1e-12);
    }

    [Fact]
    public void Compute_PValue_IsTheAsymptoticOneWithTheEffectiveSize()
    {
        var binning = new ScoreBinning(2, 0, 1);

        // n = m = 200: F_ref = 0.5, F_cur = 0.6 after the first bin, D = 0.1, n·m/(n+m) = 100, λ = 10·0.1 = 1.
        var result = BinnedKolmogorovSmirnov.Compute(new ScoreHistogram(binning, [100, 100]), new ScoreHistogram(binning, [120, 80]));

        Assert.Equal(0.1, result.Statistic, 1e-12);
        Assert.Equal(100, result.EffectiveSize, 1e-9);
        Assert.Equal(0.26999967, result.PValue, 1e-7);
    }

    [Fact]
    public void Compute_Identical_IsZeroWithPOne()
    {
        var histogram = new ScoreHistogram(new ScoreBinning(3, 0, 1), [5, 6, 7]);

        var result = BinnedKolmogorovSmirnov.Compute(histogram, histogram);

        Assert.Equal((0.0, 1.0), (result.Statistic, result.PValue));
    }

    [Fact]
    public void Compute_EmptySide_ReturnsNoDataAndPOne()
    {
        var result = BinnedKolmogorovSmirnov.Compute(new ScoreHistogram(Twenty, new long[20]), ScoreHistogram.FromScores([0.5], Twenty));

        Assert.Equal((0.0, 1.0, StatisticsError.NoData), (result.Statistic, result.PValue, result.Error));
    }

    /// <summary>Scores placed at the centres of the 20 bins, skewed by a power.</summary>
    private static double[] Centres(Random random, int count, double skew) =>
        Enumerable.Range(0, count).Select(_ => Twenty.Centre(Math.Min(19, (int)(Math.Pow(random.NextDouble(), skew) * 20)))).ToArray();

    /// <summary>The textbook two-sample D: walk both sorted samples, the largest gap between the empirical CDFs.</summary>
    private static double ExactD(double[] a, double[] b)
    {
        var (x, y) = (a.Order().ToArray(), b.Order().ToArray());
        int i = 0, j = 0;
        var d = 0.0;
        while (i < x.Length && j < y.Length)
        {
            var value = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] == value)
            {
                i++;
            }

            while (j < y.Length && y[j] == value)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }

        return d;
    }
}
