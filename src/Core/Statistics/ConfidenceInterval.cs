namespace Lotte.Core.Statistics;

/// <summary>A point estimate with its two-sided interval. Bounds are never NaN; see <see cref="Error"/>.</summary>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, StatisticsError Error)
{
    /// <summary>True when the interval lies entirely above <paramref name="value"/>.</summary>
    public bool IsAbove(double value) => Lower > value;
}
