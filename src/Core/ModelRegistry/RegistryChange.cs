namespace Lotte.Core.ModelRegistry;

/// <summary>
/// An outbox entry: a move the registry must receive, written in the same transaction as the experiment's state
/// change and applied by <see cref="Outbox.RegistryOutboxWorker"/>, exactly once.
/// </summary>
public sealed class RegistryChange
{
    public long Id { get; set; }
    public Guid ExperimentId { get; set; }
    public string ExperimentKey { get; set; } = "";
    public RegistryMoveKind Kind { get; set; }
    public string ModelName { get; set; } = "";

    /// <summary>The Staging version promoted or rolled back.</summary>
    public string Version { get; set; } = "";

    /// <summary>The Production version when the decision was taken.</summary>
    public string ReplacedVersion { get; set; } = "";

    /// <summary>Which approval moved it: the lead actions' ids, or "automatic".</summary>
    public string ApprovalReference { get; set; } = "";

    public RegistryChangeStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>How it ended: "applied", or "already in the registry" when a retry found it done.</summary>
    public string? Outcome { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }

    public RegistryMove ToMove() => new(Kind, ModelName, Version, ReplacedVersion, ExperimentKey, ApprovalReference);
}
