using Lotte.Core.Decisions;
using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// Section A: pooled two-proportion z-test, the exact lift condition, and the PROMOTE branch of ADR-008 as written
/// (run through the decision engine with no errors). <c>lift_condition_double</c> documents a pitfall of evaluating
/// the lift in double; the library never does, so it is not compared.
/// Cases tagged <c>extreme_tail</c> or <c>p_underflow_to_zero</c> are compared without the abs floor, to prove
/// the tails are computed from the small side.
/// </summary>
internal static class ZTestCaseChecker
{
    public static void Check(ReferenceCase c, CaseAssert assert)
    {
        var treatment = ReferenceInputs.Treatment(c.Inputs);
        var control = ReferenceInputs.Control(c.Inputs);
        var result = TwoProportionZTest.Compute(treatment, control);
        var e = c.Expected;

        assert.Close("rate_control", result.RateControl, e.Double("rate_control"));
        assert.Close("rate_treatment", result.RateTreatment, e.Double("rate_treatment"));
        assert.Close("diff", result.Difference, e.Double("diff"));
        assert.Close("pooled_rate", result.PooledRate, e.Double("pooled_rate"));
        assert.Close("se_pooled", result.StandardError, e.Double("se_pooled"));
        assert.Close("z", result.Z, e.Double("z"));

        Tolerance? tail = c.HasTag("extreme_tail") || c.HasTag("p_underflow_to_zero") ? new Tolerance(1e-6, 0) : null;
        assert.Close("p_two_sided", result.PTwoSided, e.Double("p_two_sided"), tail);
        assert.Close("p_one_sided_treatment_greater", result.POneSidedTreatmentGreater, e.Double("p_one_sided_treatment_greater"), tail);

        var expectedError = c.HasTag("degenerate_zero_variance") ? StatisticsError.ZeroVariance : StatisticsError.None;
        assert.Equal("error", result.Error, expectedError);
        assert.Equal("lift_condition_exact", RelativeLiftCondition.IsMet(treatment, control, 0.05m), e.Bool("lift_condition_exact"));

        var snapshot = ReferenceInputs.Snapshot(c.Inputs);
        var decision = DecisionEngine.Evaluate(snapshot, DecisionPolicy.Adr008AsWritten).Decision;
        assert.Equal("promote_if_error_rate_ok", decision == Decision.Promote, e.Bool("promote_if_error_rate_ok"));
    }
}
