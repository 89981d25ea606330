namespace Lotte.Core.Statistics;

/// <summary>
/// Confidence interval for the relative lift p_t/p_c − 1 by the log method (Katz), as statsmodels'
/// <c>confint_proportions_2indep(compare='ratio', method='log' | 'log-adjusted')</c>.
/// </summary>
/// <remarks>
/// r = p̂_t/p̂_c, se(ln r) = √(1/x_t − 1/n_t + 1/x_c − 1/n_c), CI = exp(ln r ∓ z·se), z = Φ⁻¹(1 − α/2).
/// The plain log method needs x_t &gt; 0 and x_c &gt; 0 (otherwise <see cref="StatisticsError.UndefinedRatio"/>).
/// The log-adjusted variant adds 0.5 to every count and 0.5 to every n (not 1) and is always finite.
/// </remarks>
public static class RelativeLiftInterval
{
    public static RatioInterval Compute(ProportionStatistic treatment, ProportionStatistic control, double alpha = 0.05)
    {
        var error = Validate(treatment, control, alpha);
        if (error != StatisticsError.None)
        {
            return new RatioInterval(0, 0, 0, error);
        }

        if (treatment.Conversions == 0 || control.Conversions == 0)
        {
            return new RatioInterval(0, 0, 0, StatisticsError.UndefinedRatio);
        }

        return LogInterval(treatment.Conversions, treatment.Units, control.Conversions, control.Units, alpha);
    }

    /// <summary>The log-adjusted variant (statsmodels' default for ratios): 0.5 added to each count and each n.</summary>
    public static RatioInterval ComputeLogAdjusted(ProportionStatistic treatment, ProportionStatistic control, double alpha = 0.05)
    {
        var error = Validate(treatment, control, alpha);
        return error != StatisticsError.None
            ? new RatioInterval(0, 0, 0, error)
            : LogInterval(treatment.Conversions + 0.5, treatment.Units + 0.5, control.Conversions + 0.5, control.Units + 0.5, alpha);
    }

    private static RatioInterval LogInterval(double xt, double nt, double xc, double nc, double alpha)
    {
        var ratio = xt / nt / (xc / nc);
        var standardError = Math.Sqrt(1 / xt - 1 / nt + 1 / xc - 1 / nc);
        var half = Tail.NormalUpperQuantile(alpha / 2) * standardError;
        var logRatio = Math.Log(ratio);
        return new RatioInterval(ratio, Math.Exp(logRatio - half), Math.Exp(logRatio + half), StatisticsError.None);
    }

    private static StatisticsError Validate(ProportionStatistic treatment, ProportionStatistic control, double alpha)
    {
        if (!treatment.IsValid || !control.IsValid)
        {
            return StatisticsError.InvalidInput;
        }

        if (treatment.Units == 0 || control.Units == 0)
        {
            return StatisticsError.NoData;
        }

        return alpha is <= 0 or >= 1 ? StatisticsError.InvalidSettings : StatisticsError.None;
    }
}
