namespace Lotte.Core.ModelRegistry;

/// <summary>
/// One version of a model with its stage, aliases (MLflow's champion/challenger) and the offline
/// metrics from its training run, shown next to the online conversion rate.
/// </summary>
public sealed class ModelVersion
{
    public string ModelName { get; set; } = "";

    /// <summary>The version as MLflow names it: a string of digits ("3").</summary>
    public string Version { get; set; } = "";

    public ModelStage Stage { get; set; }
    public List<string> Aliases { get; set; } = [];
    public string? Description { get; set; }
    public string? Source { get; set; }
    public string? RunId { get; set; }
    public double? Mae { get; set; }
    public double? Rmse { get; set; }

    /// <summary>Version tags, including the <see cref="RegistryTags"/> written when the dashboard moved it.</summary>
    public Dictionary<string, string> Tags { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
