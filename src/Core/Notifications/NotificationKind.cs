namespace Lotte.Core.Notifications;

/// <summary>What a webhook can be told about; a webhook subscribes to a set of these.</summary>
[Flags]
public enum NotificationKind
{
    None = 0,
    DecisionChanged = 1,
    AwaitingApproval = 2,
    RolledBack = 4,
    PromotionApplied = 8,

    /// <summary>The registry refused a promotion or rollback, or it stayed down past the retry budget.</summary>
    RegistryChangeFailed = 16,
    DriftAlert = 32,
    All = DecisionChanged | AwaitingApproval | RolledBack | PromotionApplied | RegistryChangeFailed | DriftAlert,
}
