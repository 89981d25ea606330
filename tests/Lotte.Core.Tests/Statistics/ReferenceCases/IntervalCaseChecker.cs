using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>Section D: Wilson, Newcombe hybrid score and log-ratio (relative lift) intervals.</summary>
internal static class IntervalCaseChecker
{
    public static void Check(ReferenceCase c, CaseAssert assert)
    {
        var alpha = c.Inputs.Double("alpha");
        var e = c.Expected;
        if (c.Id.StartsWith("D-wilson-", StringComparison.Ordinal))
        {
            var wilson = WilsonInterval.Compute(new ProportionStatistic(c.Inputs.Long("nobs"), c.Inputs.Long("count")), alpha);
            assert.Close("estimate", wilson.Estimate, e.Double("estimate"));
            assert.Close("lower", wilson.Lower, e.Double("lower"));
            assert.Close("upper", wilson.Upper, e.Double("upper"));
            return;
        }

        var treatment = ReferenceInputs.Treatment(c.Inputs);
        var control = ReferenceInputs.Control(c.Inputs);
        if (c.Id.StartsWith("D-newcombe-", StringComparison.Ordinal))
        {
            CheckNewcombe(treatment, control, alpha, c, assert);
        }
        else if (c.Id.StartsWith("D-ratio-", StringComparison.Ordinal))
        {
            CheckRatio(treatment, control, alpha, c, assert);
        }
        else
        {
            assert.True($"unknown interval case kind: {c.Id}", false);
        }
    }

    private static void CheckNewcombe(ProportionStatistic treatment, ProportionStatistic control, double alpha, ReferenceCase c, CaseAssert assert)
    {
        var e = c.Expected;
        var newcombe = NewcombeInterval.Compute(treatment, control, alpha);
        assert.Close("diff", newcombe.Estimate, e.Double("diff"));
        assert.Close("lower", newcombe.Lower, e.Double("lower"));
        assert.Close("upper", newcombe.Upper, e.Double("upper"));

        var wilsonTreatment = WilsonInterval.Compute(treatment, alpha);
        var wilsonControl = WilsonInterval.Compute(control, alpha);
        var expectedTreatment = e.Doubles("wilson_treatment");
        var expectedControl = e.Doubles("wilson_control");
        assert.Close("wilson_treatment", wilsonTreatment.Lower, expectedTreatment[0]);
        assert.Close("wilson_treatment", wilsonTreatment.Upper, expectedTreatment[1]);
        assert.Close("wilson_control", wilsonControl.Lower, expectedControl[0]);
        assert.Close("wilson_control", wilsonControl.Upper, expectedControl[1]);
    }

    private static void CheckRatio(ProportionStatistic treatment, ProportionStatistic control, double alpha, ReferenceCase c, CaseAssert assert)
    {
        var e = c.Expected;
        var ratio = RelativeLiftInterval.Compute(treatment, control, alpha);
        if (e.IsNull("ratio"))
        {
            assert.Equal("ratio_error", ratio.Error, StatisticsError.UndefinedRatio);
        }
        else
        {
            assert.Equal("ratio_error", ratio.Error, StatisticsError.None);
            assert.Close("ratio", ratio.Ratio, e.Double("ratio"));
            assert.Close("ratio_lower", ratio.RatioLower, e.Double("ratio_lower"));
            assert.Close("ratio_upper", ratio.RatioUpper, e.Double("ratio_upper"));
            assert.Close("lift", ratio.Lift, e.Double("lift"));
            assert.Close("lift_lower", ratio.LiftLower, e.Double("lift_lower"));
            assert.Close("lift_upper", ratio.LiftUpper, e.Double("lift_upper"));
        }

        var adjusted = RelativeLiftInterval.ComputeLogAdjusted(treatment, control, alpha);
        assert.Close("ratio_log_adjusted_lower", adjusted.RatioLower, e.Double("ratio_log_adjusted_lower"));
        assert.Close("ratio_log_adjusted_upper", adjusted.RatioUpper, e.Double("ratio_log_adjusted_upper"));
    }
}
