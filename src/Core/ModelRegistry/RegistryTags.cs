namespace Lotte.Core.ModelRegistry;

/// <summary>
/// Tags written on a version the dashboard moved. Open-source MLflow keeps no history of stage changes, so these
/// are the registry-side audit trail: which experiment and which approval moved it, and when.
/// </summary>
public static class RegistryTags
{
    public const string Experiment = "lotte.experiment";
    public const string Decision = "lotte.decision";
    public const string Approval = "lotte.approval";
    public const string MovedAt = "lotte.moved_at";
    public const string ReplacedVersion = "lotte.replaced_version";
}
