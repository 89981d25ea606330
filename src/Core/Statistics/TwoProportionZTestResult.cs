namespace Lotte.Core.Statistics;

/// <summary>
/// Result of <see cref="TwoProportionZTest"/>. Differences are treatment (Staging) minus control (Production),
/// so a positive <see cref="Z"/> means Staging converts more.
/// </summary>
public sealed record TwoProportionZTestResult(
    double RateTreatment,
    double RateControl,
    double Difference,
    double PooledRate,
    double StandardError,
    double Z,
    double PTwoSided,
    double POneSidedTreatmentGreater,
    StatisticsError Error);
