namespace Lotte.Core.Statistics;

/// <summary>
/// Result of <see cref="WelchTTest"/>: difference of means (treatment − control), its standard error,
/// t, the Welch–Satterthwaite degrees of freedom (not rounded) and the p-values.
/// </summary>
public sealed record WelchTTestResult(
    double Difference,
    double StandardError,
    double T,
    double DegreesOfFreedom,
    double PTwoSided,
    double POneSidedTreatmentGreater,
    StatisticsError Error);
