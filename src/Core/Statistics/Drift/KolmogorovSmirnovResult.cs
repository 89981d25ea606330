namespace Lotte.Core.Statistics.Drift;

/// <summary>
/// The binned two-sample Kolmogorov–Smirnov statistic D, its asymptotic p-value and the effective size
/// n·m/(n + m). Degenerate inputs give D = 0, p = 1 with the error.
/// </summary>
public sealed record KolmogorovSmirnovResult(double Statistic, double PValue, double EffectiveSize, StatisticsError Error = StatisticsError.None);
