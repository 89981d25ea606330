namespace Lotte.Core.Auditing;

/// <summary>
/// Who did what, when, with the state before and after. Append-only: the database rejects updates
/// and deletes of this table.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorName { get; set; } = "";
    public string? ActorRole { get; set; }

    /// <summary>A stable action code, e.g. "experiment.created", "decision.approved", "signin.failed".</summary>
    public string Action { get; set; } = "";

    public Guid? ExperimentId { get; set; }
    public string? Subject { get; set; }
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
    public string? Justification { get; set; }
}
