namespace Lotte.Core.Statistics;

/// <summary>
/// Result of <see cref="SampleRatioMismatchTest"/>: expected counts per arm, the χ² goodness-of-fit statistic,
/// its p-value and whether a mismatch is flagged under the settings used.
/// </summary>
public sealed record SampleRatioMismatchResult(
    IReadOnlyList<double> ExpectedCounts,
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue,
    bool IsMismatch,
    StatisticsError Error);
