using Lotte.Core.Experiments;

namespace Lotte.Core.ModelRegistry.Outbox;

/// <summary>
/// Turns an experiment's ending into the registry move it implies. The caller adds the entry to the same
/// <c>SaveChanges</c> as the experiment's new state, so the decision and the intended change commit together or not at all.
/// </summary>
public static class RegistryOutbox
{
    public const string AutomaticApproval = "automatic";
    public const int MaxReferenceLength = 500;

    /// <summary>The move for an experiment that has just been promoted or rolled back; null for any other change.</summary>
    public static RegistryChange? ChangeFor(Experiment experiment, ExperimentStatus before, string approvalReference, DateTimeOffset now)
    {
        if (experiment.Status == before)
        {
            return null;
        }

        RegistryMoveKind? kind = experiment.Status switch
        {
            ExperimentStatus.Promoted => RegistryMoveKind.Promote,
            ExperimentStatus.RolledBack => RegistryMoveKind.RollBack,
            _ => null,
        };
        return kind is null ? null : new RegistryChange
        {
            ExperimentId = experiment.Id,
            ExperimentKey = experiment.Key,
            Kind = kind.Value,
            ModelName = experiment.ModelName,
            Version = experiment.StagingVersion,
            ReplacedVersion = experiment.ProductionVersion,
            ApprovalReference = approvalReference.Length <= MaxReferenceLength ? approvalReference : approvalReference[..MaxReferenceLength],
            Status = RegistryChangeStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }
}
