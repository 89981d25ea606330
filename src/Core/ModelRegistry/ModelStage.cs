namespace Lotte.Core.ModelRegistry;

/// <summary>MLflow's classic model-version stages.</summary>
public enum ModelStage
{
    None,
    Staging,
    Production,
    Archived,
}
