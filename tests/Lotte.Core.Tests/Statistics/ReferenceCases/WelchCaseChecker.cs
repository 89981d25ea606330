using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// Section F: Welch's t-test from count, mean and sample SD (ddof = 1) per arm. The <c>extreme_tail</c> case
/// (t ≈ 97, p below the double range) is compared without the abs floor.
/// </summary>
internal static class WelchCaseChecker
{
    public static void Check(ReferenceCase c, CaseAssert assert)
    {
        var i = c.Inputs;
        var treatment = new SampleMeanStatistic(i.Long("n_treatment"), i.Double("mean_treatment"), Square(i.Double("std_treatment")));
        var control = new SampleMeanStatistic(i.Long("n_control"), i.Double("mean_control"), Square(i.Double("std_control")));
        var result = WelchTTest.Compute(treatment, control);
        var e = c.Expected;

        assert.Equal("error", result.Error, StatisticsError.None);
        assert.Close("diff", result.Difference, e.Double("diff"));
        assert.Close("se", result.StandardError, e.Double("se"));
        assert.Close("t", result.T, e.Double("t"));
        assert.Close("df_welch", result.DegreesOfFreedom, e.Double("df_welch"));
        Tolerance? tail = c.HasTag("extreme_tail") ? new Tolerance(1e-6, 0) : null;
        assert.Close("p_two_sided", result.PTwoSided, e.Double("p_two_sided"), tail);
        assert.Close("p_one_sided_treatment_greater", result.POneSidedTreatmentGreater, e.Double("p_one_sided_treatment_greater"), tail);
    }

    private static double Square(double value) => value * value;
}
