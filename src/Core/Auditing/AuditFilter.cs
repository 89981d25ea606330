namespace Lotte.Core.Auditing;

/// <summary>Which audit entries to show: by actor, action prefix (e.g. "decision."), subject, and time range.</summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? Subject = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
