using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// Section E: sample size per method. statsmodels' own solver (<c>*_statsmodels</c>) and the 40-digit root of the
/// same equation (<c>*_statsmodels_exact_root</c>) are both compared with the library's exact arcsine root, each
/// within its own tolerance. Integer sizes must match exactly (no case is tagged <c>ceil_fragile_*</c>).
/// </summary>
internal static class SampleSizeCaseChecker
{
    private static readonly (string Suffix, SampleSizeMethod Method)[] Methods =
    [
        ("statsmodels", SampleSizeMethod.ArcsineExact),
        ("statsmodels_exact_root", SampleSizeMethod.ArcsineExact),
        ("arcsine_closed_form", SampleSizeMethod.ArcsineClosedForm),
        ("unpooled", SampleSizeMethod.UnpooledVariance),
        ("pooled", SampleSizeMethod.PooledVariance),
    ];

    public static void Check(ReferenceCase c, CaseAssert assert)
    {
        var inputs = c.Inputs;
        var baseline = inputs.Double("p_control");
        var mde = inputs.Double("relative_mde");
        var alpha = inputs.Double("alpha");
        var power = inputs.Double("power");
        var ratio = inputs.Double("allocation_ratio_control_to_treatment");
        var e = c.Expected;
        assert.True("the cases are two-sided", inputs.Bool("two_sided"));

        assert.Close("effect_size_h", SampleSizeCalculator.EffectSizeH(baseline * (1 + mde), baseline), e.Double("effect_size_h"));
        assert.Close("z_alpha", Tail.NormalUpperQuantile(alpha / 2), e.Double("z_alpha"));
        assert.Close("z_beta", Tail.NormalQuantile(power), e.Double("z_beta"));

        foreach (var (suffix, method) in Methods)
        {
            var result = SampleSizeCalculator.Compute(baseline, mde, new SampleSizeSettings(alpha, power, ratio, method));
            assert.Equal($"{suffix} error", result.Error, StatisticsError.None);
            assert.Close($"n_treatment_raw_{suffix}", result.RawTreatment, e.Double($"n_treatment_raw_{suffix}"));
            assert.Equal($"n_treatment_{suffix}", result.Treatment, e.Long($"n_treatment_{suffix}"));
            assert.Equal($"n_control_{suffix}", result.Control, e.Long($"n_control_{suffix}"));
            assert.Equal($"n_total_{suffix}", result.Total, e.Long($"n_total_{suffix}"));
        }
    }
}
