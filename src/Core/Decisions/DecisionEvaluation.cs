namespace Lotte.Core.Decisions;

/// <summary>
/// One evaluation of an experiment by the decision engine: the inputs it saw and what it concluded,
/// kept as JSON snapshots so an old decision can be explained exactly as it was made.
/// </summary>
public sealed class DecisionEvaluation
{
    public long Id { get; set; }
    public Guid ExperimentId { get; set; }
    public DateTimeOffset EvaluatedAt { get; set; }
    public string PolicyKind { get; set; } = "";

    /// <summary>PROMOTE, ROLLBACK, KEEP_TESTING or HALT.</summary>
    public string Decision { get; set; } = "";

    public double? PolicyPValue { get; set; }
    public double? NaivePValue { get; set; }
    public string InputsJson { get; set; } = "{}";
    public string ResultJson { get; set; } = "{}";
}
