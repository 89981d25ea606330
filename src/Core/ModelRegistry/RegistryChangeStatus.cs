namespace Lotte.Core.ModelRegistry;

/// <summary>
/// Pending: waiting for (another) attempt. Applied: the registry shows it. Failed: the retry budget is spent or the
/// registry refused it; a lead may retry it.
/// </summary>
public enum RegistryChangeStatus
{
    Pending,
    Applied,
    Failed,
}
