namespace Lotte.Core.Statistics.Drift;

/// <summary>
/// Population stability index over the bins: PSI = Σ (c_i − r_i)·ln(c_i / r_i), with r_i, c_i the shares of the
/// reference and current scores in bin i. An empty bin's share is replaced by <see cref="DefaultEpsilon"/> (as Evidently
/// does) so that the logarithm is finite; the other shares are left as they are.
/// </summary>
public static class PopulationStabilityIndex
{
    /// <summary>The share used for an empty bin: 0.0001, Evidently's value.</summary>
    public const double DefaultEpsilon = 0.0001;

    public static DriftStatistic Compute(ScoreHistogram reference, ScoreHistogram current, double epsilon = DefaultEpsilon)
    {
        if (!reference.IsValid || !current.IsValid || reference.Binning != current.Binning || !(epsilon is > 0 and < 1))
        {
            return new DriftStatistic(0, StatisticsError.InvalidInput);
        }

        if (reference.Total == 0 || current.Total == 0)
        {
            return new DriftStatistic(0, StatisticsError.NoData);
        }

        var r = reference.Proportions();
        var c = current.Proportions();
        var psi = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            var (ri, ci) = (r[i] > 0 ? r[i] : epsilon, c[i] > 0 ? c[i] : epsilon);
            psi += (ci - ri) * Math.Log(ci / ri);
        }

        return new DriftStatistic(psi);
    }
}
