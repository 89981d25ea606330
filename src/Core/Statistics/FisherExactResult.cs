namespace Lotte.Core.Statistics;

/// <summary>
/// Result of <see cref="FisherExactTest"/>. "Greater" means the treatment (Staging) converts more.
/// <see cref="SampleOddsRatio"/> is the unconditional (a·d)/(b·c) that SciPy reports, null when b·c = 0.
/// </summary>
public sealed record FisherExactResult(
    double PTwoSided,
    double PGreater,
    double PLess,
    double? SampleOddsRatio,
    StatisticsError Error);
