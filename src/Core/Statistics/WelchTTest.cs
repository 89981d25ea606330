namespace Lotte.Core.Statistics;

/// <summary>
/// Welch's unequal-variance t-test from summary statistics, for continuous metrics such as contract value
/// (SciPy's <c>ttest_ind_from_stats(equal_var=False)</c>).
/// </summary>
/// <remarks>
/// v = s²/n with the sample variance s²; SE = √(v_t + v_c); t = (mean_t − mean_c)/SE;
/// df = (v_t + v_c)² / (v_t²/(n_t − 1) + v_c²/(n_c − 1)); p = 2·P(T_df &gt; |t|), one-sided p = P(T_df &gt; t).
/// Needs n ≥ 2 per arm and a non-zero SE; otherwise t = 0, p = 1 (one-sided 0.5) with an error code.
/// </remarks>
public static class WelchTTest
{
    public static WelchTTestResult Compute(SampleMeanStatistic treatment, SampleMeanStatistic control)
    {
        if (!treatment.IsValid || !control.IsValid)
        {
            return Undefined(0, StatisticsError.InvalidInput);
        }

        var difference = treatment.Mean - control.Mean;
        if (treatment.Count < 2 || control.Count < 2)
        {
            return Undefined(difference, StatisticsError.InsufficientData);
        }

        var vt = treatment.Variance / treatment.Count;
        var vc = control.Variance / control.Count;
        var standardError = Math.Sqrt(vt + vc);
        if (standardError == 0)
        {
            return Undefined(difference, StatisticsError.ZeroVariance);
        }

        var degreesOfFreedom = (vt + vc) * (vt + vc) / (vt * vt / (treatment.Count - 1) + vc * vc / (control.Count - 1));
        var t = difference / standardError;
        var twoSided = Math.Min(1, 2 * Tail.StudentTUpper(Math.Abs(t), degreesOfFreedom));
        return new WelchTTestResult(
            difference, standardError, t, degreesOfFreedom, twoSided, Tail.StudentTUpper(t, degreesOfFreedom), StatisticsError.None);
    }

    private static WelchTTestResult Undefined(double difference, StatisticsError error) =>
        new(difference, 0, 0, 0, 1, 0.5, error);
}
