namespace Lotte.Core.Decisions;

/// <summary>An approval or override by a lead. Overrides and rejections carry a justification.</summary>
public sealed class LeadAction
{
    public Guid Id { get; set; }
    public Guid ExperimentId { get; set; }
    public long? EvaluationId { get; set; }
    public LeadActionKind Kind { get; set; }
    public string ActorName { get; set; } = "";
    public string ActorRole { get; set; } = "";
    public string? Comment { get; set; }
    public DateTimeOffset At { get; set; }
}
