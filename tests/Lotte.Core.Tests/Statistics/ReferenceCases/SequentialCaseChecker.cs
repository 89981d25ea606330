using Lotte.Core.Decisions;
using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// Section G. <c>msprt_sequence</c>: the unpooled mixture SPRT look by look, carrying the state, plus the PROMOTE
/// branch through the decision engine. <c>growthbook_sequential</c>: GrowthBook's sequential test.
/// λ itself is compared only while finite; log λ always is.
/// </summary>
internal static class SequentialCaseChecker
{
    public static void CheckMsprt(ReferenceCase c, CaseAssert assert)
    {
        var tau2 = c.Inputs.Double("tau2");
        var alpha = c.Inputs.Double("alpha");
        var settings = new MixtureSprtSettings(tau2, alpha, MixtureSprtVariance.Unpooled, c.Inputs.Double("theta0"));
        var policy = ReferenceInputs.ReferenceMsprtPolicy(tau2, alpha);
        var looks = c.Inputs.Field("looks").EnumerateArray().ToArray();
        var steps = c.Expected.Field("steps").EnumerateArray().ToArray();
        assert.Equal("steps", looks.Length, steps.Length);

        var state = SequentialState.Initial;
        var engineState = SequentialState.Initial;
        int? firstSignificantLook = null;
        for (var k = 0; k < Math.Min(looks.Length, steps.Length); k++)
        {
            var (look, step) = (looks[k], steps[k]);
            var treatment = ReferenceInputs.Treatment(look);
            var control = ReferenceInputs.Control(look);
            var result = MixtureSprt.Evaluate(treatment, control, settings, state);
            state = result.State;
            var at = $"step {k} ";

            assert.Close(at + "theta_hat", result.ThetaHat, step.Double("theta_hat"));
            assert.Close(at + "V", result.Variance, step.Double("V"));
            assert.Close(at + "log_lambda", result.LogLambda, step.Double("log_lambda"));
            if (step.Double("lambda") <= 1e300)
            {
                assert.Close(at + "lambda", Math.Exp(result.LogLambda), step.Double("lambda"));
            }

            assert.Close(at + "p_instant", result.PInstant, step.Double("p_instant"));
            assert.Close(at + "p_always_valid", result.PAlwaysValid, step.Double("p_always_valid"));
            assert.Close(at + "ci_halfwidth", result.CiHalfWidth, step.Field("ci_halfwidth"));
            assert.Close(at + "cs_lower", result.CsLower, step.Field("cs_lower"));
            assert.Close(at + "cs_upper", result.CsUpper, step.Field("cs_upper"));
            assert.Equal(at + "degenerate", result.IsDegenerate, step.Bool("degenerate"));
            assert.Equal(at + "lift_condition_exact", RelativeLiftCondition.IsMet(treatment, control, 0.05m), step.Bool("lift_condition_exact"));

            var decision = DecisionEngine.Evaluate(ReferenceInputs.Snapshot(look), policy, engineState);
            engineState = decision.SequentialState;
            assert.Close(at + "p_always_valid", decision.PolicyPValue, step.Double("p_always_valid"));
            assert.Equal(at + "promote_if_error_rate_ok", decision.Decision == Decision.Promote, step.Bool("promote_if_error_rate_ok"));
            if (firstSignificantLook is null && result.PAlwaysValid < alpha)
            {
                firstSignificantLook = k;
            }
        }

        assert.Close("final_p_always_valid", state.PAlwaysValid, c.Expected.Double("final_p_always_valid"), new Tolerance(1e-9, 1e-15));
        var expectedFirst = c.Expected.IsNull("first_look_p_lt_alpha") ? (int?)null : (int)c.Expected.Long("first_look_p_lt_alpha");
        assert.Equal("first_look_p_lt_alpha", firstSignificantLook, expectedFirst);
    }

    public static void CheckGrowthBook(ReferenceCase c, CaseAssert assert)
    {
        var i = c.Inputs;
        var type = i.Field("difference_type").GetString() == "absolute" ? DifferenceType.Absolute : DifferenceType.Relative;
        var settings = new GrowthBookSequentialSettings(i.Double("alpha"), i.Double("sequential_tuning_parameter"), type);
        var result = GrowthBookSequentialTest.Compute(ReferenceInputs.Treatment(i), ReferenceInputs.Control(i), settings);
        var e = c.Expected;

        assert.Equal("error", result.Error, StatisticsError.None);
        assert.Close("rho", result.Rho, e.Double("rho"));
        assert.Equal("n_total", result.TotalUnits, e.Long("n_total"));
        assert.Close("estimate", result.Estimate, e.Double("estimate"));
        assert.Close("standard_error", result.StandardError, e.Double("standard_error"));
        assert.Close("s2", result.S2, e.Double("s2"));
        assert.Close("halfwidth", result.HalfWidth, e.Double("halfwidth"));
        assert.Close("ci_lower", result.CiLower, e.Double("ci_lower"));
        assert.Close("ci_upper", result.CiUpper, e.Double("ci_upper"));
        assert.Close("log_evalue", result.LogEValue, e.Double("log_evalue"));
        assert.Close("p_value", result.PValue, e.Double("p_value"));
    }
}
