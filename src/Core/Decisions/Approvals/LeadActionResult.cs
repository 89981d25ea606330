using Lotte.Core.Experiments;

namespace Lotte.Core.Decisions.Approvals;

/// <summary>What became of a lead's action, with who decided first when someone did.</summary>
public sealed record LeadActionResult(
    LeadActionOutcome Outcome,
    string Message,
    ExperimentStatus? Status = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null);
