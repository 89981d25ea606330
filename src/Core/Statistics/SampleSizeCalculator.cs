using MathNet.Numerics.Distributions;

namespace Lotte.Core.Statistics;

/// <summary>
/// Fixed-horizon sample size for comparing two conversion rates with an unequal split, its inverse (the power a
/// given size reaches) and the units still needed. Rates: p_c = baseline, p_t = p_c·(1 + relative MDE);
/// k = n_control/n_treatment; z_α = Φ⁻¹(1 − α/2), z_β = Φ⁻¹(power), q = 1 − p.
/// </summary>
/// <remarks>
/// Pooled (default): n_t = [z_α√(p̄q̄(1 + 1/k)) + z_β√(p_t q_t + p_c q_c/k)]² / (p_t − p_c)², p̄ = (p_t + k·p_c)/(1 + k).
/// Unpooled:         n_t = (z_α + z_β)²·(p_t q_t + p_c q_c/k) / (p_t − p_c)².
/// Arcsine exact:    root of Φ(|h|√n_eff − z_α) + Φ(−|h|√n_eff − z_α) = power, n_eff = n_t·k/(1 + k).
/// Arcsine closed:   n_t = ((z_α + z_β)/h)²·(1 + k)/k.
/// Example: 5 % baseline, +20 %, power 0.8, k = 9, pooled → n_t = 4 403, n_c = 39 627, total 44 030.
/// </remarks>
public static class SampleSizeCalculator
{
    public static SampleSizeResult Compute(double baselineRate, double relativeMde, SampleSizeSettings? settings = null)
    {
        settings ??= SampleSizeSettings.Default;
        var treatmentRate = baselineRate * (1 + relativeMde);
        if (!IsValidDesign(baselineRate, treatmentRate, settings.Alpha, settings.AllocationRatio)
            || settings.Power <= settings.Alpha / 2 || settings.Power >= 1)
        {
            return new SampleSizeResult(0, 0, 0, 0, settings.Method, StatisticsError.InvalidSettings);
        }

        var raw = RawTreatmentUnits(baselineRate, treatmentRate, settings);
        var treatment = (long)Math.Ceiling(raw);
        var control = (long)Math.Ceiling(settings.AllocationRatio * treatment);
        return new SampleSizeResult(raw, treatment, control, treatment + control, settings.Method, StatisticsError.None);
    }

    /// <summary>
    /// Power reached with the given units per arm (which need not follow the planned split), by the same formula
    /// as <see cref="Compute"/>. Returns 0 for an invalid design.
    /// </summary>
    public static double PowerAt(
        double baselineRate, double relativeMde, long treatmentUnits, long controlUnits,
        double alpha = 0.05, SampleSizeMethod method = SampleSizeMethod.PooledVariance)
    {
        var pc = baselineRate;
        var pt = baselineRate * (1 + relativeMde);
        if (!IsValidDesign(pc, pt, alpha, 1) || treatmentUnits <= 0 || controlUnits <= 0)
        {
            return 0;
        }

        var zAlpha = Tail.NormalUpperQuantile(alpha / 2);
        double nt = treatmentUnits, nc = controlUnits;
        var delta = Math.Abs(pt - pc);
        var alternativeSe = Math.Sqrt(pt * (1 - pt) / nt + pc * (1 - pc) / nc);
        switch (method)
        {
            case SampleSizeMethod.PooledVariance:
                var pooled = (nt * pt + nc * pc) / (nt + nc);
                var nullSe = Math.Sqrt(pooled * (1 - pooled) * (1 / nt + 1 / nc));
                return Normal.CDF(0, 1, (delta - zAlpha * nullSe) / alternativeSe);
            case SampleSizeMethod.UnpooledVariance:
                return Normal.CDF(0, 1, delta / alternativeSe - zAlpha);
            default:
                var signal = Math.Abs(EffectSizeH(pt, pc)) * Math.Sqrt(nt * nc / (nt + nc));
                return Normal.CDF(0, 1, signal - zAlpha) + Normal.CDF(0, 1, -signal - zAlpha);
        }
    }

    /// <summary>
    /// Units each arm still needs to reach <paramref name="plan"/>, and the total units that takes when a share
    /// <paramref name="stagingShare"/> of new units goes to Staging (treatment).
    /// </summary>
    public static UnitsStillNeeded StillNeeded(SampleSizeResult plan, long treatmentUnits, long controlUnits, double stagingShare)
    {
        var treatment = Math.Max(0, plan.Treatment - treatmentUnits);
        var control = Math.Max(0, plan.Control - controlUnits);
        if (stagingShare is <= 0 or >= 1)
        {
            return new UnitsStillNeeded(treatment, control, treatment + control);
        }

        var total = Math.Max(Math.Ceiling(treatment / stagingShare), Math.Ceiling(control / (1 - stagingShare)));
        return new UnitsStillNeeded(treatment, control, (long)total);
    }

    /// <summary>Cohen's arcsine effect size h = 2·asin√p_t − 2·asin√p_c.</summary>
    public static double EffectSizeH(double treatmentRate, double controlRate) =>
        2 * Math.Asin(Math.Sqrt(treatmentRate)) - 2 * Math.Asin(Math.Sqrt(controlRate));

    private static double RawTreatmentUnits(double pc, double pt, SampleSizeSettings settings)
    {
        var k = settings.AllocationRatio;
        var zAlpha = Tail.NormalUpperQuantile(settings.Alpha / 2);
        var zBeta = Tail.NormalQuantile(settings.Power);
        var delta2 = (pt - pc) * (pt - pc);
        var alternativeVariance = pt * (1 - pt) + pc * (1 - pc) / k;
        switch (settings.Method)
        {
            case SampleSizeMethod.PooledVariance:
                var pooled = (pt + k * pc) / (1 + k);
                var root = zAlpha * Math.Sqrt(pooled * (1 - pooled) * (1 + 1 / k)) + zBeta * Math.Sqrt(alternativeVariance);
                return root * root / delta2;
            case SampleSizeMethod.UnpooledVariance:
                return (zAlpha + zBeta) * (zAlpha + zBeta) * alternativeVariance / delta2;
            case SampleSizeMethod.ArcsineClosedForm:
                var ratio = (zAlpha + zBeta) / EffectSizeH(pt, pc);
                return ratio * ratio * (1 + k) / k;
            default:
                var signal = ArcsineSignalForPower(Math.Abs(EffectSizeH(pt, pc)), zAlpha, settings.Power);
                return signal * signal * (1 + k) / k;
        }
    }

    /// <summary>
    /// Solves Φ(|h|s − z_α) + Φ(−|h|s − z_α) = power for s = √n_eff by Newton's method from the one-tail
    /// solution (z_α + z_β)/|h|; the second tail is tiny, so a few steps reach machine precision.
    /// </summary>
    private static double ArcsineSignalForPower(double absH, double zAlpha, double power)
    {
        var s = (zAlpha + Tail.NormalQuantile(power)) / absH;
        for (var i = 0; i < 50; i++)
        {
            var value = Normal.CDF(0, 1, absH * s - zAlpha) + Normal.CDF(0, 1, -absH * s - zAlpha) - power;
            var slope = absH * (Normal.PDF(0, 1, absH * s - zAlpha) - Normal.PDF(0, 1, -absH * s - zAlpha));
            var step = value / slope;
            s -= step;
            if (Math.Abs(step) <= 1e-15 * s)
            {
                break;
            }
        }

        return s;
    }

    private static bool IsValidDesign(double pc, double pt, double alpha, double allocationRatio) =>
        pc is > 0 and < 1 && pt is > 0 and < 1 && pt != pc
        && alpha is > 0 and < 1 && allocationRatio > 0 && double.IsFinite(allocationRatio);
}
