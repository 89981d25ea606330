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

        return Entry(experiment, action, result, now,
            JsonSerializer.Serialize(new { Status = before.ToString() }),
            JsonSerializer.Serialize(new { Status = experiment.Status.ToString(), experiment.StagingShare }));

        string Do(Action<DateTimeOffset> transition, string code)
        {
            transition(now);
            return code;
        }
    }

    /// <summary>
    /// The engine's decision differs from its previous look's while the experiment's status stays: audited (and so
    /// notified) as <c>decision.changed</c>, with the smaller arm's units so early significance alerts can be held back.
    /// </summary>
    public static AuditEntry? Changed(Experiment experiment, string? previousDecision, DecisionResult result, DateTimeOffset now)
    {
        var previous = previousDecision ?? nameof(Decision.KeepTesting);
        var current = result.Decision.ToString();
        if (previous == current)
        {
            return null;
        }

        var smallerArm = Math.Min(result.Snapshot.Production.ExposedUnits, result.Snapshot.Staging.ExposedUnits);
        return Entry(experiment, "decision.changed", result, now,
            JsonSerializer.Serialize(new { Decision = previous }),
            JsonSerializer.Serialize(new { Decision = current, SmallerArmUnits = smallerArm, result.PolicyPValue }));
    }

    /// <summary>A drift alert has begun: audited as <c>drift.alert</c> with every comparison's numbers.</summary>
    public static AuditEntry DriftAlert(Experiment experiment, Drift.DriftAssessment assessment, DateTimeOffset now) => new()
    {
        At = now,
        ActorName = EngineActor,
        ActorRole = EngineRole,
        Action = "drift.alert",
        ExperimentId = experiment.Id,
        Subject = experiment.Key,
        AfterJson = JsonSerializer.Serialize(new
        {
            Level = assessment.Level.ToString(),
            Comparisons = assessment.Comparisons.Select(c => new { Kind = c.Kind.ToString(), Level = c.Level.ToString(), c.Numbers.Psi, c.Numbers.KsPValue, c.Numbers.NormedWasserstein }),
        }),
        Justification = string.Join("; ", assessment.Comparisons.Where(c => c.Level == DriftLevel.Alert)
            .Select(c => $"{c.Kind}: PSI {c.Numbers.Psi:F3}, KS p {c.Numbers.KsPValue:G3}, normed Wasserstein {c.Numbers.NormedWasserstein:F3}")),
    };

    private static AuditEntry Entry(Experiment experiment, string action, DecisionResult result, DateTimeOffset now, string before, string after) => new()
    {
        At = now,
        ActorName = EngineActor,
        ActorRole = EngineRole,
        Action = action,
        ExperimentId = experiment.Id,
        Subject = experiment.Key,
        BeforeJson = before,
        AfterJson = after,
        Justification = DecisionExplainer.Explain(result).English,
    };
}
