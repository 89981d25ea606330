namespace Lotte.Core.Statistics.Drift;

/// <summary>
/// Every drift measure between a reference and a current histogram. <see cref="Error"/> is the first error of the
/// measures (<see cref="StatisticsError.NoData"/> when a side is empty; <see cref="StatisticsError.ZeroVariance"/>
/// when only the normed Wasserstein distance is undefined).
/// </summary>
public sealed record ScoreDriftComparison(
    long ReferenceCount,
    long CurrentCount,
    double Psi,
    double KsStatistic,
    double KsPValue,
    double Wasserstein,
    double NormedWasserstein,
    StatisticsError Error)
{
    public static ScoreDriftComparison Compute(ScoreHistogram reference, ScoreHistogram current, double psiEpsilon = PopulationStabilityIndex.DefaultEpsilon)
    {
        var psi = PopulationStabilityIndex.Compute(reference, current, psiEpsilon);
        var ks = BinnedKolmogorovSmirnov.Compute(reference, current);
        var w = NormedWassersteinDistance.Compute(reference, current);
        var error = new[] { psi.Error, ks.Error, w.Error }.FirstOrDefault(e => e != StatisticsError.None);
        return new ScoreDriftComparison(reference.Total, current.Total, psi.Value, ks.Statistic, ks.PValue, w.Distance, w.Normed, error);
    }
}
