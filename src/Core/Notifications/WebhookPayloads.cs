using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lotte.Core.Notifications;

/// <summary>The body each receiver understands: Slack's incoming webhooks read <c>text</c>; Teams reads a MessageCard.</summary>
public static class WebhookPayloads
{
    public static string Build(WebhookFormat format, NotificationMessage message)
    {
        var text = message.Detail is { Length: > 0 } detail ? $"{message.Title}\n{detail}" : message.Title;
        JsonObject body = format switch
        {
            WebhookFormat.Slack => new JsonObject
            {
                ["text"] = message.Link is null ? text : $"{text}\n<{message.Link}|Open the experiment>",
            },
            WebhookFormat.Teams => new JsonObject
            {
                ["@type"] = "MessageCard",
                ["@context"] = "https://schema.org/extensions",
                ["summary"] = message.Title,
                ["themeColor"] = message.Kind is NotificationKind.RolledBack or NotificationKind.RegistryChangeFailed or NotificationKind.DriftAlert ? "D13438" : "0078D7",
                ["title"] = message.Title,
                ["text"] = message.Detail ?? "",
                ["potentialAction"] = message.Link is null ? new JsonArray() : new JsonArray(new JsonObject
                {
                    ["@type"] = "OpenUri",
                    ["name"] = "Open the experiment",
                    ["targets"] = new JsonArray(new JsonObject { ["os"] = "default", ["uri"] = message.Link.ToString() }),
                }),
            },
            _ => new JsonObject
            {
                ["event"] = message.Kind.ToString(),
                ["action"] = message.Action,
                ["auditId"] = message.AuditId,
                ["experiment"] = message.ExperimentKey,
                ["at"] = message.At.UtcDateTime.ToString("O"),
                ["actor"] = message.Actor,
                ["title"] = message.Title,
                ["detail"] = message.Detail,
                ["link"] = message.Link?.ToString(),
            },
        };
        return body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
