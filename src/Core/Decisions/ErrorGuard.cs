using Lotte.Core.Statistics;

namespace Lotte.Core.Decisions;

/// <summary>
/// Judges Staging's error rate against the policy's limit.
/// </summary>
/// <remarks>
/// As written, the observed rate is compared with the limit exactly (errors &gt; limit × requests in decimal), so
/// 2 errors in the first 100 requests already roll back. The robust form waits for
/// <see cref="DecisionPolicy.MinRequestsForErrorGuard"/> requests and then fires only when the lower one-sided Wilson
/// bound at <see cref="DecisionPolicy.ErrorGuardConfidence"/> is above the limit, i.e. when we are that confident the
/// true error rate exceeds it.
/// </remarks>
internal static class ErrorGuard
{
    public static DecisionCheck Check(ProportionStatistic stagingErrors, DecisionPolicy policy, ConfidenceInterval interval)
    {
        var limit = policy.MaxStagingErrorRate;
        if (stagingErrors.Units == 0)
        {
            return new DecisionCheck(CheckKind.StagingErrorRate, null, limit, CheckOutcome.NotEvaluated);
        }

        var observed = policy.ErrorGuardConfidence is null ? stagingErrors.Rate : interval.Lower;
        if (stagingErrors.Units < policy.MinRequestsForErrorGuard)
        {
            return new DecisionCheck(CheckKind.StagingErrorRate, observed, limit, CheckOutcome.NotEvaluated);
        }

        var above = policy.ErrorGuardConfidence is null
            ? stagingErrors.Conversions > (decimal)limit * stagingErrors.Units
            : interval.Lower > limit;
        return new DecisionCheck(CheckKind.StagingErrorRate, observed, limit, above ? CheckOutcome.Fail : CheckOutcome.Pass);
    }

    /// <summary>
    /// The interval shown for Staging's error rate: the guard's one-sided confidence when it has one
    /// (a two-sided Wilson interval at level 2c − 1), otherwise 1 − α.
    /// </summary>
    public static ConfidenceInterval Interval(ProportionStatistic errors, DecisionPolicy policy) =>
        policy.ErrorGuardConfidence is { } confidence
            ? WilsonInterval.Compute(errors, 2 * (1 - confidence))
            : WilsonInterval.Compute(errors, policy.Alpha);
}
