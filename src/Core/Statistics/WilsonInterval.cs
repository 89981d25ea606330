namespace Lotte.Core.Statistics;

/// <summary>
/// Wilson score interval for one proportion, at any confidence level 1 − α (statsmodels' <c>method='wilson'</c>).
/// </summary>
/// <remarks>
/// z = Φ⁻¹(1 − α/2); centre = (p̂ + z²/2n)/(1 + z²/n); half = z·√(p̂(1 − p̂)/n + z²/4n²)/(1 + z²/n).
/// Bounds are not clipped, so a bound that is mathematically 0 or 1 may differ from it by ~1e-17.
/// With no units the interval is [0, 1] and flagged <see cref="StatisticsError.NoData"/>.
/// </remarks>
public static class WilsonInterval
{
    public static ConfidenceInterval Compute(ProportionStatistic arm, double alpha = 0.05)
    {
        if (!arm.IsValid)
        {
            return new ConfidenceInterval(0, 0, 1, StatisticsError.InvalidInput);
        }

        if (alpha is <= 0 or >= 1)
        {
            return new ConfidenceInterval(arm.Rate, 0, 1, StatisticsError.InvalidSettings);
        }

        if (arm.Units == 0)
        {
            return new ConfidenceInterval(0, 0, 1, StatisticsError.NoData);
        }

        var z = Tail.NormalUpperQuantile(alpha / 2);
        return ComputeWithCriticalValue(arm, z);
    }

    /// <summary>The same interval for a given critical value z (used for one-sided bounds).</summary>
    internal static ConfidenceInterval ComputeWithCriticalValue(ProportionStatistic arm, double z)
    {
        double n = arm.Units;
        var p = arm.Rate;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new ConfidenceInterval(p, centre - half, centre + half, StatisticsError.None);
    }
}
