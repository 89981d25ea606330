namespace Lotte.Core.ModelRegistry;

/// <summary>
/// An outbox entry: a stage change the registry must receive, written in the same transaction as
/// the experiment's state change and applied by a background worker, exactly once.
/// </summary>
public sealed class RegistryChange
{
    public long Id { get; set; }
    public Guid ExperimentId { get; set; }
    public Guid? LeadActionId { get; set; }
    public string ModelName { get; set; } = "";

    /// <summary>The version to move, and the stage it must end in.</summary>
    public string Version { get; set; } = "";

    public ModelStage TargetStage { get; set; }
    public RegistryChangeStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
}
