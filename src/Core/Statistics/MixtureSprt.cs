namespace Lotte.Core.Statistics;

/// <summary>
/// Always-valid test of p_t − p_c = θ₀ by the mixture sequential probability ratio test with a normal mixing
/// distribution (Johari, Pekelis &amp; Walsh, "Peeking at A/B tests", KDD 2017; Optimizely's Stats Engine).
/// Its p-value may be checked after every look without inflating the false-positive rate.
/// </summary>
/// <remarks>
/// θ̂ = p̂_t − p̂_c, V = variance of θ̂ (pooled or unpooled, see <see cref="MixtureSprtVariance"/>), and
/// <code>
/// Λ_n  = √(V/(V + τ²)) · exp( τ²(θ̂ − θ₀)² / (2V(V + τ²)) )        (= N(θ̂; θ₀, V + τ²) / N(θ̂; θ₀, V))
/// p_n  = min(p_{n−1}, 1/Λ_n),  p_0 = 1                              (always-valid p: a running minimum)
/// CI_n = θ̂ ± √( V(V + τ²)/τ² · (2 ln(1/α) + ln((V + τ²)/V)) )      (confidence sequence: running intersection)
/// </code>
/// Under H0, Λ is (asymptotically) a martingale with mean 1, so by Ville's inequality P(sup Λ ≥ 1/α) ≤ α.
/// A look with V = 0 (an arm without units, or every rate 0 or 1) carries no information: Λ := 1 and the state
/// is unchanged (flagged <see cref="MixtureSprtResult.IsDegenerate"/>).
/// </remarks>
public static class MixtureSprt
{
    public static MixtureSprtResult Evaluate(
        ProportionStatistic treatment, ProportionStatistic control, MixtureSprtSettings? settings = null, SequentialState? previous = null)
    {
        settings ??= MixtureSprtSettings.Default;
        previous ??= SequentialState.Initial;
        if (!treatment.IsValid || !control.IsValid || !settings.IsValid)
        {
            var error = settings.IsValid ? StatisticsError.InvalidInput : StatisticsError.InvalidSettings;
            return Degenerate(0, previous, error);
        }

        var thetaHat = treatment.Rate - control.Rate;
        var variance = Variance(treatment, control, settings.Variance);
        if (!(variance > 0))
        {
            var error = treatment.Units == 0 || control.Units == 0 ? StatisticsError.NoData : StatisticsError.ZeroVariance;
            return Degenerate(thetaHat, previous with { Looks = previous.Looks + 1 }, error);
        }

        var tau2 = settings.Tau2;
        var deviation = thetaHat - settings.Theta0;
        var logLambda = 0.5 * Math.Log(variance / (variance + tau2))
                        + tau2 * deviation * deviation / (2 * variance * (variance + tau2));
        var pInstant = Math.Min(1.0, Math.Exp(-logLambda));
        var pAlwaysValid = Math.Min(previous.PAlwaysValid, pInstant);

        var half = Math.Sqrt(variance * (variance + tau2) / tau2
                             * (2 * Math.Log(1 / settings.Alpha) + Math.Log((variance + tau2) / variance)));
        var csLower = Math.Max(previous.CsLower ?? double.NegativeInfinity, thetaHat - half);
        var csUpper = Math.Min(previous.CsUpper ?? double.PositiveInfinity, thetaHat + half);
        var state = new SequentialState(previous.Looks + 1, pAlwaysValid, csLower, csUpper);
        return new MixtureSprtResult(
            thetaHat, variance, logLambda, pInstant, pAlwaysValid, half, csLower, csUpper, false, state, StatisticsError.None);
    }

    private static double Variance(ProportionStatistic treatment, ProportionStatistic control, MixtureSprtVariance kind)
    {
        if (treatment.Units == 0 || control.Units == 0)
        {
            return 0;
        }

        if (kind == MixtureSprtVariance.Unpooled)
        {
            double pt = treatment.Rate, pc = control.Rate;
            return pc * (1 - pc) / control.Units + pt * (1 - pt) / treatment.Units;
        }

        var pooled = (double)(treatment.Conversions + control.Conversions) / (treatment.Units + control.Units);
        return pooled * (1 - pooled) * (1.0 / treatment.Units + 1.0 / control.Units);
    }

    private static MixtureSprtResult Degenerate(double thetaHat, SequentialState state, StatisticsError error) =>
        new(thetaHat, 0, 0, 1.0, state.PAlwaysValid, null, state.CsLower, state.CsUpper, true, state, error);
}
