namespace Lotte.Core.Statistics;

/// <summary>
/// Two-proportion z-test with the pooled variance under H0 (the test statsmodels' <c>proportions_ztest</c> runs).
/// </summary>
/// <remarks>
/// SE = √(p̄(1−p̄)(1/n_t + 1/n_c)), p̄ = (x_t + x_c)/(n_t + n_c); z = (p̂_t − p̂_c)/SE.
/// When SE = 0 (both arms all-zero or all-converted) the test is undefined; by convention the result is
/// z = 0, two-sided p = 1 and one-sided p = Φ(0) = 0.5, flagged <see cref="StatisticsError.ZeroVariance"/>.
/// </remarks>
public static class TwoProportionZTest
{
    public static TwoProportionZTestResult Compute(ProportionStatistic treatment, ProportionStatistic control)
    {
        if (!treatment.IsValid || !control.IsValid)
        {
            return Undefined(treatment, control, StatisticsError.InvalidInput);
        }

        if (treatment.Units == 0 || control.Units == 0)
        {
            return Undefined(treatment, control, StatisticsError.NoData);
        }

        var rateTreatment = treatment.Rate;
        var rateControl = control.Rate;
        var difference = rateTreatment - rateControl;
        var pooled = (double)(treatment.Conversions + control.Conversions) / (treatment.Units + control.Units);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / treatment.Units + 1.0 / control.Units));
        if (standardError == 0)
        {
            return Undefined(treatment, control, StatisticsError.ZeroVariance);
        }

        var z = difference / standardError;
        return new TwoProportionZTestResult(
            rateTreatment, rateControl, difference, pooled, standardError, z,
            Tail.NormalTwoSided(z), Tail.NormalUpper(z), StatisticsError.None);
    }

    private static TwoProportionZTestResult Undefined(
        ProportionStatistic treatment, ProportionStatistic control, StatisticsError error)
    {
        var valid = treatment.IsValid && control.IsValid;
        var rateTreatment = valid ? treatment.Rate : 0;
        var rateControl = valid ? control.Rate : 0;
        var units = treatment.Units + control.Units;
        var pooled = valid && units > 0 ? (double)(treatment.Conversions + control.Conversions) / units : 0;
        return new TwoProportionZTestResult(
            rateTreatment, rateControl, rateTreatment - rateControl, pooled, 0, 0, 1.0, 0.5, error);
    }
}
