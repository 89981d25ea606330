namespace Lotte.Core.Statistics.Drift;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test on the binned empirical CDFs: D = max_i |F_ref(i) − F_cur(i)| over the bins'
/// upper edges. This is the binned statistic: it equals the exact (sort-based) D when every score sits at a bin centre,
/// and is at most the exact D otherwise (the exact one also looks inside bins). The p-value is the asymptotic one,
/// Q(√(n·m/(n + m)) · D) with Q the Kolmogorov survival function; binning creates ties, for which this p is conservative.
/// </summary>
public static class BinnedKolmogorovSmirnov
{
    public static KolmogorovSmirnovResult Compute(ScoreHistogram reference, ScoreHistogram current)
    {
        if (!reference.IsValid || !current.IsValid || reference.Binning != current.Binning)
        {
            return new KolmogorovSmirnovResult(0, 1, 0, StatisticsError.InvalidInput);
        }

        if (reference.Total == 0 || current.Total == 0)
        {
            return new KolmogorovSmirnovResult(0, 1, 0, StatisticsError.NoData);
        }

        var (r, c) = (reference.Cumulative(), current.Cumulative());
        var d = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            d = Math.Max(d, Math.Abs(r[i] - c[i]));
        }

        double n = reference.Total, m = current.Total;
        var effective = n * m / (n + m);
        return new KolmogorovSmirnovResult(d, KolmogorovDistribution.Survival(Math.Sqrt(effective) * d), effective);
    }
}
