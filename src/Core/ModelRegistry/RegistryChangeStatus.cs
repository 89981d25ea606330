namespace Lotte.Core.ModelRegistry;

public enum RegistryChangeStatus
{
    Pending,
    Applied,
    Failed,
}
