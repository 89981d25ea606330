namespace Lotte.Core.ModelRegistry;

/// <summary>A model in the built-in registry, e.g. "undervaluation-score".</summary>
public sealed class RegisteredModel
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ModelVersion> Versions { get; set; } = [];
}
