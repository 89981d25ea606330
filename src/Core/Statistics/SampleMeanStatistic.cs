namespace Lotte.Core.Statistics;

/// <summary>
/// Sufficient statistics of one arm for a continuous metric (e.g. contract value):
/// count, mean and the sample variance (denominator n − 1).
/// </summary>
public readonly record struct SampleMeanStatistic(long Count, double Mean, double Variance)
{
    /// <summary>
    /// Builds the statistic from a running sum and sum of squares, as the ingestion side stores them.
    /// The variance is clamped at 0 because the textbook formula can go slightly negative in floating point.
    /// </summary>
    public static SampleMeanStatistic FromSums(long count, double sum, double sumOfSquares)
    {
        if (count <= 0)
        {
            return new SampleMeanStatistic(0, 0, 0);
        }

        var mean = sum / count;
        var variance = count > 1 ? Math.Max(0, (sumOfSquares - sum * mean) / (count - 1)) : 0;
        return new SampleMeanStatistic(count, mean, variance);
    }

    /// <summary>True when the count is non-negative and mean and variance are finite with variance ≥ 0.</summary>
    public bool IsValid => Count >= 0 && double.IsFinite(Mean) && double.IsFinite(Variance) && Variance >= 0;
}
