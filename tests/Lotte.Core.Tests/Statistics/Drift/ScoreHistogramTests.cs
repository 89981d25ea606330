using Lotte.Core.Statistics;
using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Tests.Statistics.Drift;

public sealed class ScoreHistogramTests
{
    private static readonly ScoreBinning Twenty = ScoreBinning.Default;

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.049, 0)]
    [InlineData(0.05, 1)]
    [InlineData(0.999, 19)]
    [InlineData(1.0, 19)]   // the maximum belongs to the last bin
    [InlineData(1.7, 19)]   // above the range: clamped into the last bin
    [InlineData(-0.3, 0)]   // below the range: clamped into the first bin
    public void BinOf_Score_IsItsEqualWidthBinClampedIntoTheEdges(double score, int bin) => Assert.Equal(bin, Twenty.BinOf(score));

    [Fact]
    public void FromBuckets_WidthBucketNumbers_ClampOutOfRangeIntoTheEdgeBins()
    {
        // PostgreSQL's width_bucket: 0 below the minimum, 1..20 inside, 21 at or above the maximum.
        var histogram = ScoreHistogram.FromBuckets(Twenty, [(0, 3), (1, 4), (2, 5), (20, 6), (21, 7)]);

        Assert.Equal([7L, 5L], histogram.Counts.Take(2));
        Assert.Equal(13, histogram.Counts[19]);
        Assert.Equal(25, histogram.Total);
    }

    [Fact]
    public void FromScores_CountsEveryScore()
    {
        var histogram = ScoreHistogram.FromScores([0.01, 0.02, 0.5, 2.0], Twenty);

        Assert.Equal((2L, 1L, 1L, 4L), (histogram.Counts[0], histogram.Counts[10], histogram.Counts[19], histogram.Total));
    }

    [Fact]
    public void ScoreDriftComparison_EmptyCurrent_ReturnsNoDataWithFiniteNumbers()
    {
        var comparison = ScoreDriftComparison.Compute(ScoreHistogram.FromScores([0.1, 0.5, 0.9], Twenty), ScoreHistogram.Empty(Twenty));

        Assert.Equal(StatisticsError.NoData, comparison.Error);
        Assert.All(new[] { comparison.Psi, comparison.KsStatistic, comparison.KsPValue, comparison.Wasserstein, comparison.NormedWasserstein }, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void ScoreDriftComparison_ReferenceInOneBin_ReportsZeroVarianceButKeepsPsiAndKs()
    {
        var comparison = ScoreDriftComparison.Compute(ScoreHistogram.FromScores([0.52, 0.53], Twenty), ScoreHistogram.FromScores([0.52, 0.9], Twenty));

        Assert.Equal(StatisticsError.ZeroVariance, comparison.Error);
        Assert.True(comparison.Psi > 0 && comparison.KsStatistic == 0.5);
    }
}
