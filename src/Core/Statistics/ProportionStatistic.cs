namespace Lotte.Core.Statistics;

/// <summary>
/// Sufficient statistics of one arm for a binary metric: how many units were exposed and how many converted.
/// Integers are kept exact; <see cref="Rate"/> is derived.
/// </summary>
public readonly record struct ProportionStatistic(long Units, long Conversions)
{
    /// <summary>Conversions / units, or 0 when the arm has no units.</summary>
    public double Rate => Units > 0 ? (double)Conversions / Units : 0.0;

    /// <summary>True when 0 ≤ conversions ≤ units.</summary>
    public bool IsValid => Units >= 0 && Conversions >= 0 && Conversions <= Units;

    /// <summary>Units that did not convert.</summary>
    public long NonConversions => Units - Conversions;
}
