namespace Lotte.Core.Statistics;

/// <summary>
/// Newcombe's hybrid score interval (method 10) for the difference of two proportions, treatment minus control.
/// </summary>
/// <remarks>
/// d = p̂_t − p̂_c, (l, u) each arm's Wilson interval at the same α:
/// lower = d − √((p̂_t − l_t)² + (u_c − p̂_c)²), upper = d + √((u_t − p̂_t)² + (p̂_c − l_c)²).
/// Matches statsmodels' <c>confint_proportions_2indep(compare='diff', method='newcomb')</c>.
/// </remarks>
public static class NewcombeInterval
{
    public static ConfidenceInterval Compute(ProportionStatistic treatment, ProportionStatistic control, double alpha = 0.05)
    {
        var wilsonTreatment = WilsonInterval.Compute(treatment, alpha);
        var wilsonControl = WilsonInterval.Compute(control, alpha);
        var error = wilsonTreatment.Error != StatisticsError.None ? wilsonTreatment.Error : wilsonControl.Error;
        if (error != StatisticsError.None)
        {
            return new ConfidenceInterval(0, -1, 1, error);
        }

        var pt = treatment.Rate;
        var pc = control.Rate;
        var difference = pt - pc;
        var lower = difference - Hypot(pt - wilsonTreatment.Lower, wilsonControl.Upper - pc);
        var upper = difference + Hypot(wilsonTreatment.Upper - pt, pc - wilsonControl.Lower);
        return new ConfidenceInterval(difference, lower, upper, StatisticsError.None);
    }

    private static double Hypot(double a, double b) => Math.Sqrt(a * a + b * b);
}
