namespace Lotte.Core.Statistics;

/// <summary>
/// Why a statistic could not be computed normally. Results that carry an error still hold finite,
/// conventional values (e.g. p = 1) so that nothing downstream ever shows NaN.
/// </summary>
public enum StatisticsError
{
    /// <summary>The result is regular.</summary>
    None,

    /// <summary>An arm (or the whole table) has no units.</summary>
    NoData,

    /// <summary>The inputs are impossible, e.g. more conversions than units or a negative count.</summary>
    InvalidInput,

    /// <summary>The standard error is 0 (e.g. both arms all-zero or all-converted); the test is undefined.</summary>
    ZeroVariance,

    /// <summary>A ratio has a zero denominator or a log of zero (e.g. the relative lift with no control conversions).</summary>
    UndefinedRatio,

    /// <summary>A 2×2 table has an empty row or column, so the chi-square statistic is undefined.</summary>
    ZeroMargin,

    /// <summary>Too few observations for the method (e.g. fewer than 2 per arm for a t-test).</summary>
    InsufficientData,

    /// <summary>A setting is out of range (e.g. α outside (0, 1)).</summary>
    InvalidSettings,
}
