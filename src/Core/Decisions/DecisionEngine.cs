using Lotte.Core.Statistics;

namespace Lotte.Core.Decisions;

/// <summary>
/// Evaluates ADR-008 for one experiment at one look, from sufficient statistics only.
/// </summary>
/// <remarks>
/// Order: the error guard first (a broken model is pulled even when other data look odd), then the sample-ratio
/// check (HALT: nothing else can be trusted), then PROMOTE when minimum units, lift and significance all pass,
/// otherwise KEEP_TESTING. Never throws on data: impossible counts or settings give HALT with a reason.
/// </remarks>
public static class DecisionEngine
{
    public static DecisionResult Evaluate(ExperimentSnapshot snapshot, DecisionPolicy policy, SequentialState? previous = null)
    {
        previous ??= SequentialState.Initial;
        if (policy.Validate().Count > 0)
        {
            return Halted(snapshot, policy, ReasonCode.InvalidPolicy, previous);
        }

        if (!snapshot.IsValid)
        {
            return Halted(snapshot, policy, ReasonCode.InvalidData, previous);
        }

        var statistics = ExperimentStatisticsCalculator.Compute(snapshot, policy, previous);
        var policyP = PolicyPValue(statistics, policy);
        var checks = Checks(snapshot, policy, statistics, policyP);
        var (decision, reasons) = Decide(checks, policy);
        return new DecisionResult(
            decision, snapshot, policy, reasons, checks, statistics,
            statistics.FixedHorizon.PTwoSided, policyP, statistics.Sequential.State);
    }

    /// <summary>
    /// A shadow experiment (ADR-008's "partial use, for error validation"): Staging answers mirrored requests and
    /// serves nobody, so only the error guard is judged. It can ROLLBACK (or pause) but never PROMOTE: a lead
    /// graduates it to an A/B test to measure conversion.
    /// </summary>
    public static DecisionResult EvaluateShadow(ExperimentSnapshot snapshot, DecisionPolicy policy, SequentialState? previous = null)
    {
        previous ??= SequentialState.Initial;
        if (policy.Validate().Count > 0)
        {
            return Halted(snapshot, policy, ReasonCode.InvalidPolicy, previous);
        }

        if (!snapshot.Production.IsValid || !snapshot.Staging.IsValid)
        {
            return Halted(snapshot, policy, ReasonCode.InvalidData, previous);
        }

        var guard = ErrorGuard.Check(snapshot.Staging.ErrorRate, policy, ErrorGuard.Interval(snapshot.Staging.ErrorRate, policy));
        var (decision, reasons) = guard.Outcome == CheckOutcome.Fail
            ? policy.ErrorGuardAction == ErrorGuardAction.Pause
                ? (Decision.Halt, new List<ReasonCode> { ReasonCode.ErrorRateAboveLimitPaused })
                : (Decision.Rollback, [ReasonCode.ErrorRateAboveLimit])
            : (Decision.KeepTesting, [ReasonCode.ShadowValidatesErrorsOnly]);
        if (guard.Outcome == CheckOutcome.NotEvaluated && policy.MinRequestsForErrorGuard > 0)
        {
            reasons.Add(ReasonCode.ErrorGuardWaitingForRequests);
        }

        return new DecisionResult(decision, snapshot, policy, reasons, [guard], null, 1.0, 1.0, previous);
    }

    private static double PolicyPValue(ExperimentStatistics statistics, DecisionPolicy policy) => policy.Significance switch
    {
        SignificanceMethod.FixedHorizon => statistics.FixedHorizon.PTwoSided,
        SignificanceMethod.GrowthBookSequential => statistics.GrowthBook?.PValue ?? 1.0,
        _ => statistics.Sequential.PAlwaysValid,
    };

    private static List<DecisionCheck> Checks(
        ExperimentSnapshot snapshot, DecisionPolicy policy, ExperimentStatistics statistics, double policyP)
    {
        var staging = snapshot.Staging.Conversion;
        var production = snapshot.Production.Conversion;
        var checks = new List<DecisionCheck>(5)
        {
            ErrorGuard.Check(snapshot.Staging.ErrorRate, policy, statistics.StagingErrorRate),
        };

        if (policy.HaltOnSampleRatioMismatch)
        {
            var srm = statistics.SampleRatio;
            var judged = Math.Min(snapshot.Production.ExposedUnits, snapshot.Staging.ExposedUnits) >= policy.SampleRatioMismatch.MinimumUnitsPerArm;
            var outcome = !judged ? CheckOutcome.NotEvaluated : srm.IsMismatch ? CheckOutcome.Fail : CheckOutcome.Pass;
            checks.Add(new DecisionCheck(CheckKind.SampleRatio, srm.PValue, policy.SampleRatioMismatch.Alpha, outcome));
        }

        if (policy.MinUnitsPerArm > 0)
        {
            var smallerArm = Math.Min(staging.Units, production.Units);
            checks.Add(new DecisionCheck(CheckKind.MinimumUnits, smallerArm, policy.MinUnitsPerArm, PassIf(smallerArm >= policy.MinUnitsPerArm)));
        }

        double? lift = production.Rate > 0 ? staging.Rate / production.Rate - 1 : null;
        var liftMet = RelativeLiftCondition.IsMet(staging, production, (decimal)policy.MinRelativeLift);
        checks.Add(new DecisionCheck(CheckKind.RelativeLift, lift, policy.MinRelativeLift, PassIf(liftMet)));
        checks.Add(new DecisionCheck(CheckKind.Significance, policyP, policy.Alpha, PassIf(policyP < policy.Alpha)));
        return checks;
    }

    private static (Decision Decision, List<ReasonCode> Reasons) Decide(List<DecisionCheck> checks, DecisionPolicy policy)
    {
        var reasons = new List<ReasonCode>(3);
        var errorGuard = checks[0];
        if (errorGuard.Outcome == CheckOutcome.Fail)
        {
            return policy.ErrorGuardAction == ErrorGuardAction.Pause
                ? (Decision.Halt, [ReasonCode.ErrorRateAboveLimitPaused])
                : (Decision.Rollback, [ReasonCode.ErrorRateAboveLimit]);
        }

        if (checks.Exists(check => check.Kind == CheckKind.SampleRatio && check.Outcome == CheckOutcome.Fail))
        {
            return (Decision.Halt, [ReasonCode.SampleRatioMismatch]);
        }

        foreach (var check in checks)
        {
            if (check.Outcome == CheckOutcome.Fail)
            {
                reasons.Add(check.Kind switch
                {
                    CheckKind.MinimumUnits => ReasonCode.WaitingForMinimumUnits,
                    CheckKind.RelativeLift => ReasonCode.LiftBelowMinimum,
                    _ => ReasonCode.NotSignificant,
                });
            }
        }

        if (errorGuard.Outcome == CheckOutcome.NotEvaluated && policy.MinRequestsForErrorGuard > 0)
        {
            reasons.Add(ReasonCode.ErrorGuardWaitingForRequests);
        }

        var promote = !checks.Exists(check => check.Kind != CheckKind.StagingErrorRate && check.Outcome != CheckOutcome.Pass);
        if (promote)
        {
            reasons.Insert(0, ReasonCode.StagingBetterAndSignificant);
            return (Decision.Promote, reasons);
        }

        return (Decision.KeepTesting, reasons);
    }

    private static CheckOutcome PassIf(bool condition) => condition ? CheckOutcome.Pass : CheckOutcome.Fail;

    private static DecisionResult Halted(ExperimentSnapshot snapshot, DecisionPolicy policy, ReasonCode reason, SequentialState previous) =>
        new(Decision.Halt, snapshot, policy, [reason], [], null, 1.0, 1.0, previous);
}
