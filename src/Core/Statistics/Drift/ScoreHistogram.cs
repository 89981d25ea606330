namespace Lotte.Core.Statistics.Drift;

/// <summary>Counts of scores per bin of a <see cref="ScoreBinning"/>: the sufficient statistic of every drift measure.</summary>
public sealed record ScoreHistogram(ScoreBinning Binning, IReadOnlyList<long> Counts)
{
    public long Total { get; } = Counts.Sum();

    public bool IsValid => Binning.IsValid && Counts.Count == Binning.Bins && Counts.All(c => c >= 0);

    public static ScoreHistogram Empty(ScoreBinning binning) => new(binning, new long[binning.Bins]);

    public static ScoreHistogram FromScores(IEnumerable<double> scores, ScoreBinning binning)
    {
        var counts = new long[binning.Bins];
        foreach (var score in scores)
        {
            counts[binning.BinOf(score)]++;
        }

        return new ScoreHistogram(binning, counts);
    }

    /// <summary>
    /// From PostgreSQL's <c>width_bucket(score, min, max, bins)</c> groups: bucket 0 (below min) is clamped into the
    /// first bin, bucket bins + 1 (at or above max) into the last, as <see cref="ScoreBinning.BinOf"/> does.
    /// </summary>
    public static ScoreHistogram FromBuckets(ScoreBinning binning, IEnumerable<(int Bucket, long Count)> buckets)
    {
        var counts = new long[binning.Bins];
        foreach (var (bucket, count) in buckets)
        {
            counts[Math.Clamp(bucket - 1, 0, binning.Bins - 1)] += count;
        }

        return new ScoreHistogram(binning, counts);
    }

    /// <summary>The share of scores in each bin (all 0 when empty).</summary>
    public double[] Proportions() => Counts.Select(c => Total > 0 ? (double)c / Total : 0).ToArray();

    /// <summary>The empirical CDF after each bin: F(i) = share of scores in bins 0..i.</summary>
    public double[] Cumulative()
    {
        var cumulative = new double[Counts.Count];
        long running = 0;
        for (var i = 0; i < Counts.Count; i++)
        {
            running += Counts[i];
            cumulative[i] = Total > 0 ? (double)running / Total : 0;
        }

        return cumulative;
    }

    public ScoreHistogram Add(ScoreHistogram other) => new(Binning, Counts.Zip(other.Counts, (a, b) => a + b).ToArray());
}
