namespace Lotte.Core.Notifications;

/// <summary>A notification before it is shaped for a receiver: what happened, to which experiment, said in both languages.</summary>
public sealed record NotificationMessage(
    NotificationKind Kind,
    long AuditId,
    string Action,
    string? ExperimentKey,
    DateTimeOffset At,
    string Actor,
    string Title,
    string? Detail,
    Uri? Link);
