namespace Lotte.Core.Statistics;

/// <summary>
/// GrowthBook's sequential test for two proportions, as in gbstats (<c>SequentialTwoSidedTTest</c>): an asymptotic
/// confidence sequence after Waudby-Smith et al. (arXiv:2103.06476, eqs. 9/155/161).
/// </summary>
/// <remarks>
/// <code>
/// n    = n_c + n_t (total units)
/// ρ    = √((−2 ln α + ln(1 − 2 ln α)) / N*)
/// s²   = SE²·n
/// half = √s² · √( 2(nρ² + 1)/(nρ)² · ln(√(nρ² + 1)/α) ),   CI = est ± half
/// p    = min(1, √(nρ² + 1) · exp(−ρ²(est²·n/SE²) / (2(nρ² + 1))))   (not a running minimum)
/// per arm m = x/n, var = m(1 − m);
///   absolute: est = m_t − m_c,           SE² = v_t/n_t + v_c/n_c
///   relative: est = (m_t − m_c)/|m_c|,   SE² = v_t/(n_t m_c²) + v_c m_t²/(n_c m_c⁴)
/// </code>
/// It is the mixture SPRT with the data-dependent mixing variance τ² = nρ²·SE². ρ and therefore p depend on α.
/// </remarks>
public static class GrowthBookSequentialTest
{
    public static GrowthBookSequentialResult Compute(
        ProportionStatistic treatment, ProportionStatistic control, GrowthBookSequentialSettings? settings = null)
    {
        settings ??= GrowthBookSequentialSettings.Default;
        if (!treatment.IsValid || !control.IsValid || !settings.IsValid)
        {
            return Undefined(0, settings.IsValid ? StatisticsError.InvalidInput : StatisticsError.InvalidSettings);
        }

        var logAlpha = Math.Log(settings.Alpha);
        var rho = Math.Sqrt((-2 * logAlpha + Math.Log(1 - 2 * logAlpha)) / settings.TuningParameter);
        if (treatment.Units == 0 || control.Units == 0)
        {
            return Undefined(rho, StatisticsError.NoData);
        }

        double mt = treatment.Rate, mc = control.Rate;
        double vt = mt * (1 - mt), vc = mc * (1 - mc);
        double nt = treatment.Units, nc = control.Units;
        if (settings.DifferenceType == DifferenceType.Relative && mc == 0)
        {
            return Undefined(rho, StatisticsError.UndefinedRatio);
        }

        var (estimate, variance) = settings.DifferenceType == DifferenceType.Absolute
            ? (mt - mc, vt / nt + vc / nc)
            : ((mt - mc) / Math.Abs(mc), vt / nt / (mc * mc) + vc / nc * (mt * mt) / (mc * mc * mc * mc));
        if (!(variance > 0))
        {
            return Undefined(rho, StatisticsError.ZeroVariance);
        }

        long n = treatment.Units + control.Units;
        var standardError = Math.Sqrt(variance);
        var s2 = variance * n;
        var nRho2 = n * rho * rho;
        var half = Math.Sqrt(s2) * Math.Sqrt(2 * (nRho2 + 1) / (n * rho * (n * rho)) * Math.Log(Math.Sqrt(nRho2 + 1) / settings.Alpha));
        var logEValue = rho * rho * (estimate * estimate * n / variance) / (2 * (nRho2 + 1)) - 0.5 * Math.Log(nRho2 + 1);
        var p = Math.Min(1.0, Math.Exp(-logEValue));
        return new GrowthBookSequentialResult(
            rho, n, estimate, standardError, s2, half, estimate - half, estimate + half, logEValue, p, StatisticsError.None);
    }

    private static GrowthBookSequentialResult Undefined(double rho, StatisticsError error) =>
        new(rho, 0, 0, 0, 0, 0, 0, 0, 0, 1.0, error);
}
