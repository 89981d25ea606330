namespace Lotte.Core.Statistics.Drift;

/// <summary>
/// Evidently's normed Wasserstein distance on the binned scores: each bin's scores are placed at its centre, so
/// W1 = Σ_i |F_ref(i) − F_cur(i)| · bin width (the area between the two CDFs), divided by the reference's population
/// standard deviation (also from bin centres). A reference all in one bin has σ = 0: the normed value is undefined
/// (<see cref="StatisticsError.ZeroVariance"/>, reported as 0).
/// </summary>
public static class NormedWassersteinDistance
{
    public static WassersteinResult Compute(ScoreHistogram reference, ScoreHistogram current)
    {
        if (!reference.IsValid || !current.IsValid || reference.Binning != current.Binning)
        {
            return new WassersteinResult(0, 0, 0, StatisticsError.InvalidInput);
        }

        if (reference.Total == 0 || current.Total == 0)
        {
            return new WassersteinResult(0, 0, 0, StatisticsError.NoData);
        }

        var binning = reference.Binning;
        var (r, c) = (reference.Cumulative(), current.Cumulative());
        var distance = 0.0;
        for (var i = 0; i < r.Length - 1; i++)
        {
            distance += Math.Abs(r[i] - c[i]) * binning.Width;
        }

        var shares = reference.Proportions();
        var mean = shares.Select((p, i) => p * binning.Centre(i)).Sum();
        var variance = shares.Select((p, i) => p * Math.Pow(binning.Centre(i) - mean, 2)).Sum();
        var sd = Math.Sqrt(Math.Max(0, variance));
        return sd > binning.Width * 1e-9
            ? new WassersteinResult(distance, sd, distance / sd)
            : new WassersteinResult(distance, 0, 0, StatisticsError.ZeroVariance);
    }
}
