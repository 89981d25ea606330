namespace Lotte.Core.Statistics.Drift;

/// <summary>One drift measure: a finite value (0 when it cannot be computed) and why it could not, if so.</summary>
public sealed record DriftStatistic(double Value, StatisticsError Error = StatisticsError.None);
