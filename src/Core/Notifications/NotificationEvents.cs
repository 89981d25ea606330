using System.Text.Json;
using Lotte.Core.Auditing;

namespace Lotte.Core.Notifications;

/// <summary>
/// Which audited actions are notifications, and how they read. Everything that notifies is audited first, so the
/// audit log is the single source the dispatcher plans deliveries from.
/// </summary>
public static class NotificationEvents
{
    public const string DecisionChanged = "decision.changed";
    public const string DriftAlert = "drift.alert";

    public static readonly IReadOnlyList<string> Actions =
    [
        DecisionChanged, "decision.promote.awaiting_approval", "decision.rollback.applied", "override.forcerollback",
        "registry.change.applied", "registry.change.failed", DriftAlert,
    ];

    public static NotificationKind KindOf(AuditEntry entry) => entry.Action switch
    {
        DecisionChanged => NotificationKind.DecisionChanged,
        "decision.promote.awaiting_approval" => NotificationKind.AwaitingApproval,
        "decision.rollback.applied" or "override.forcerollback" => NotificationKind.RolledBack,
        "registry.change.applied" when Field(entry.AfterJson, "Kind") == "Promote" => NotificationKind.PromotionApplied,
        "registry.change.failed" => NotificationKind.RegistryChangeFailed,
        DriftAlert => NotificationKind.DriftAlert,
        _ => NotificationKind.None,
    };

    public static NotificationMessage Message(AuditEntry entry, Uri? dashboardUrl)
    {
        var kind = KindOf(entry);
        var key = entry.Subject;
        var title = kind switch
        {
            NotificationKind.DecisionChanged => $"{key}: decision {Field(entry.BeforeJson, "Decision") ?? "?"} → {Field(entry.AfterJson, "Decision") ?? "?"} (결정 변경)",
            NotificationKind.AwaitingApproval => $"{key}: PROMOTE awaits a lead's approval (승격 승인 대기)",
            NotificationKind.RolledBack => $"{key}: Staging rolled back, its traffic is 0 (롤백)",
            NotificationKind.PromotionApplied => $"{key}: promotion applied in the model registry (승격 적용)",
            NotificationKind.RegistryChangeFailed => $"{key}: the model registry change failed (모델 레지스트리 변경 실패)",
            NotificationKind.DriftAlert => $"{key}: prediction-score drift alert (드리프트 감지)",
            _ => $"{key}: {entry.Action}",
        };
        var link = dashboardUrl is null || key is null ? null : new Uri(dashboardUrl, $"experiments/{Uri.EscapeDataString(key)}");
        return new NotificationMessage(kind, entry.Id, entry.Action, key, entry.At, entry.ActorName, title, entry.Justification, link);
    }

    /// <summary>
    /// A significance alert: the decision moved to or from PROMOTE. These are the early alerts users asked to
    /// silence — in an experiment's first days, or while an arm is small, the p-value swings.
    /// </summary>
    public static bool IsSignificanceAlert(AuditEntry entry) =>
        entry.Action == DecisionChanged
        && (Field(entry.BeforeJson, "Decision") == "Promote" || Field(entry.AfterJson, "Decision") == "Promote");

    internal static string? Field(string? json, string name)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString()
            : null;
    }
}
