using Lotte.Core.Statistics;
using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Tests.Statistics.Drift;

public sealed class NormedWassersteinDistanceTests
{
    private static readonly ScoreBinning Twenty = ScoreBinning.Default;

    [Fact]
    public void Compute_Identical_IsZero()
    {
        var histogram = new ScoreHistogram(Twenty, Enumerable.Range(1, 20).Select(i => (long)i).ToArray());

        var result = NormedWassersteinDistance.Compute(histogram, histogram);

        Assert.Equal((0.0, 0.0, StatisticsError.None), (result.Distance, result.Normed, result.Error));
    }

    [Fact]
    public void Compute_ShiftedByOneBin_IsOneBinWidthOverTheReferenceSd()
    {
        // Uniform over the first 10 bins, then the same moved up one bin: every score travels one width (0.05).
        var reference = new ScoreHistogram(Twenty, Enumerable.Range(0, 20).Select(i => i < 10 ? 100L : 0).ToArray());
        var shifted = new ScoreHistogram(Twenty, Enumerable.Range(0, 20).Select(i => i is >= 1 and < 11 ? 100L : 0).ToArray());

        var result = NormedWassersteinDistance.Compute(reference, shifted);

        // σ of 10 equally likely centres spaced w apart: w·√((10² − 1)/12); so W1/σ = 1/√(99/12).
        Assert.Equal(0.05, result.Distance, 1e-12);
        Assert.Equal(0.05 * Math.Sqrt(99 / 12.0), result.ReferenceStandardDeviation, 1e-12);
        Assert.Equal(0.3481553119113957, result.Normed, 1e-12);
    }

    [Fact]
    public void Compute_ScoresAtBinCentres_EqualsTheExactDistanceOfSortedSamples()
    {
        var random = new Random(11);
        var reference = Enumerable.Range(0, 400).Select(_ => Twenty.Centre(random.Next(0, 14))).ToArray();
        var current = Enumerable.Range(0, 400).Select(_ => Twenty.Centre(random.Next(4, 20))).ToArray();

        var result = NormedWassersteinDistance.Compute(ScoreHistogram.FromScores(reference, Twenty), ScoreHistogram.FromScores(current, Twenty));

        // Independent definition for equal sample sizes: W1 = mean |x_(i) − y_(i)| over the sorted samples; σ with ddof = 0.
        var exact = reference.Order().Zip(current.Order(), (x, y) => Math.Abs(x - y)).Average();
        var mean = reference.Average();
        var sd = Math.Sqrt(reference.Select(x => (x - mean) * (x - mean)).Average());
        Assert.Equal(exact, result.Distance, 1e-12);
        Assert.Equal(exact / sd, result.Normed, 1e-9);
    }

    [Fact]
    public void Compute_ReferenceInOneBin_ReturnsZeroVarianceWithTheRawDistance()
    {
        var reference = new ScoreHistogram(Twenty, Enumerable.Range(0, 20).Select(i => i == 3 ? 50L : 0).ToArray());
        var current = new ScoreHistogram(Twenty, Enumerable.Range(0, 20).Select(i => i == 5 ? 50L : 0).ToArray());

        var result = NormedWassersteinDistance.Compute(reference, current);

        Assert.Equal((0.1, 0.0, StatisticsError.ZeroVariance), (Math.Round(result.Distance, 12), result.Normed, result.Error));
    }

    [Fact]
    public void Compute_EmptySide_ReturnsNoData()
    {
        var result = NormedWassersteinDistance.Compute(ScoreHistogram.FromScores([0.2, 0.4], Twenty), ScoreHistogram.Empty(Twenty));

        Assert.Equal(StatisticsError.NoData, result.Error);
    }
}
