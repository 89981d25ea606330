namespace Lotte.Core.Notifications;

/// <summary>
/// A receiver of notifications: a URL, the events it wants, optionally one experiment only. Its signing secret is
/// stored encrypted (AES-256-GCM) and shown once when created.
/// </summary>
public sealed class Webhook
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public WebhookFormat Format { get; set; }
    public NotificationKind Events { get; set; } = NotificationKind.All;

    /// <summary>Only this experiment's events; null: every experiment's.</summary>
    public Guid? ExperimentId { get; set; }

    public byte[] EncryptedSecret { get; set; } = [];
    public bool Enabled { get; set; } = true;
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
