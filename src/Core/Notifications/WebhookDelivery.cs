namespace Lotte.Core.Notifications;

/// <summary>One notification to one webhook: its payload and every attempt's result, for the admins' delivery log.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public Guid WebhookId { get; set; }

    /// <summary>The audited event it tells of; unique per webhook, so an event is never planned twice.</summary>
    public long AuditId { get; set; }

    public NotificationKind Kind { get; set; }
    public Guid? ExperimentId { get; set; }
    public string PayloadJson { get; set; } = "";
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,

    /// <summary>Not sent: a significance alert in the experiment's first days or below the minimum of units.</summary>
    Suppressed,
}
