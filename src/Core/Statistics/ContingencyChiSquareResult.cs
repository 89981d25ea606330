namespace Lotte.Core.Statistics;

/// <summary>
/// Result of <see cref="ContingencyChiSquare"/>: Pearson's statistic with and without Yates' continuity correction,
/// each with its p-value (1 degree of freedom), and the expected counts [[E_a, E_b], [E_c, E_d]].
/// </summary>
public sealed record ContingencyChiSquareResult(
    double PearsonChiSquare,
    double PearsonP,
    double YatesChiSquare,
    double YatesP,
    int DegreesOfFreedom,
    IReadOnlyList<IReadOnlyList<double>> ExpectedFrequencies,
    StatisticsError Error);
