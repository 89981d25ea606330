using System.Text.Json;
using Lotte.Core.Auditing;
using Lotte.Core.Decisions.Explanations;
using Lotte.Core.Experiments;

namespace Lotte.Core.Decisions.Evaluation;

/// <summary>
/// What an automatic decision does to the experiment: ROLLBACK is applied at once (share to 0), a
/// PROMOTE waits for a lead's approval (or applies itself under AutoApply), a paused error guard
/// pauses for a lead. Each change is audited with the engine's explanation.
/// </summary>
public static class DecisionApplier
{
    public const string EngineActor = "decision engine";
    public const string EngineRole = "system";

    /// <summary>Changes the tracked experiment and returns the audit entry, or null when nothing changes.</summary>
    public static AuditEntry? Apply(Experiment experiment, DecisionResult result, DateTimeOffset now)
    {
        var before = experiment.Status;
        var action = result.Decision switch
        {
            Decision.Rollback when experiment.Status is ExperimentStatus.Running or ExperimentStatus.AwaitingApproval or ExperimentStatus.Paused
                => Do(experiment.RollBack, "decision.rollback.applied"),
            Decision.Promote when experiment.PromotionHeldUntil > now => null,
            Decision.Promote when experiment.Status == ExperimentStatus.Running && experiment.ApprovalMode == ApprovalMode.AutoApply
                => Do(experiment.Promote, "decision.promote.applied"),
            Decision.Promote when experiment.Status == ExperimentStatus.Running
                => Do(experiment.AwaitApproval, "decision.promote.awaiting_approval"),
            Decision.Halt when result.Reasons.Contains(ReasonCode.ErrorRateAboveLimitPaused) && experiment.Status == ExperimentStatus.Running
                => Do(experiment.Pause, "decision.error_guard.paused"),
            _ => null,
        };
        if (action is null)
        {
            return null;
        }

        return new AuditEntry
        {
            At = now,
            ActorName = EngineActor,
            ActorRole = EngineRole,
            Action = action,
            ExperimentId = experiment.Id,
            Subject = experiment.Key,
            BeforeJson = JsonSerializer.Serialize(new { Status = before.ToString() }),
            AfterJson = JsonSerializer.Serialize(new { Status = experiment.Status.ToString(), experiment.StagingShare }),
            Justification = DecisionExplainer.Explain(result).English,
        };

        string Do(Action<DateTimeOffset> transition, string code)
        {
            transition(now);
            return code;
        }
    }
}
