namespace Lotte.Core.Notifications;

/// <summary>The JSON a webhook receives: Slack's incoming-webhook <c>text</c>, a Teams MessageCard, or the full event.</summary>
public enum WebhookFormat
{
    Generic,
    Slack,
    Teams,
}
