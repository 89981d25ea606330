namespace Lotte.Core.Statistics.Drift;

/// <summary>W1 between the binned distributions (in score units), the reference's standard deviation, and W1 / σ_ref.</summary>
public sealed record WassersteinResult(double Distance, double ReferenceStandardDeviation, double Normed, StatisticsError Error = StatisticsError.None);
