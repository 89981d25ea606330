namespace Lotte.Core.Statistics;

/// <summary>
/// Result of <see cref="GrowthBookSequentialTest"/>: the estimate (absolute or relative), its standard error, the
/// asymptotic confidence-sequence interval and the p-value. <see cref="LogEValue"/> = ln Λ; p = min(1, e^(−ln Λ)).
/// </summary>
public sealed record GrowthBookSequentialResult(
    double Rho,
    long TotalUnits,
    double Estimate,
    double StandardError,
    double S2,
    double HalfWidth,
    double CiLower,
    double CiUpper,
    double LogEValue,
    double PValue,
    StatisticsError Error);
