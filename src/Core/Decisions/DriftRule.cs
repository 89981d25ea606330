using Lotte.Core.Drift;

namespace Lotte.Core.Decisions;

/// <summary>
/// Adds a drift look to a decision. Drift is reported with the decision and never changes it, unless the policy's
/// <see cref="DriftPolicy.RollBackOnDrift"/> is set and Staging's scores are at the alert level against the reference:
/// then a KEEP_TESTING or PROMOTE becomes ROLLBACK (<see cref="ReasonCode.ScoreDriftAlert"/>). A HALT stays a HALT.
/// </summary>
public static class DriftRule
{
    public static DecisionResult Apply(DecisionResult result, DriftAssessment? drift)
    {
        if (drift is null)
        {
            return result;
        }

        var reported = result with { Drift = drift };
        return result.Policy.Drift.RollBackOnDrift && drift.StagingLevel == DriftLevel.Alert && result.Decision is Decision.KeepTesting or Decision.Promote
            ? reported with { Decision = Decision.Rollback, Reasons = [ReasonCode.ScoreDriftAlert] }
            : reported;
    }
}
