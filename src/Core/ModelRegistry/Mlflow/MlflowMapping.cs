namespace Lotte.Core.ModelRegistry.Mlflow;

/// <summary>MLflow's JSON to the registry's domain types.</summary>
internal static class MlflowMapping
{
    public static RegisteredModel ToModel(MlflowRegisteredModel model, IEnumerable<MlflowModelVersion> versions) => new()
    {
        Name = model.Name,
        Description = string.IsNullOrEmpty(model.Description) ? null : model.Description,
        CreatedAt = FromMilliseconds(model.CreationTimestamp),
        Versions = versions
            .Select(v => ToVersion(v, AliasesOf(model, v.Version)))
            .OrderByDescending(v => VersionNumber(v.Version))
            .ToList(),
    };

    /// <summary>
    /// <paramref name="modelAliases"/> are the registered model's aliases pointing at this version: the registered
    /// model always lists its aliases, while a version in a search result may not carry its own.
    /// </summary>
    public static ModelVersion ToVersion(MlflowModelVersion version, IEnumerable<string>? modelAliases = null) => new()
    {
        ModelName = version.Name,
        Version = version.Version,
        Stage = ToStage(version.CurrentStage),
        Aliases = (version.Aliases ?? []).Concat(modelAliases ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        Description = string.IsNullOrEmpty(version.Description) ? null : version.Description,
        Source = string.IsNullOrEmpty(version.Source) ? null : version.Source,
        RunId = string.IsNullOrEmpty(version.RunId) ? null : version.RunId,
        Tags = TagsOf(version),
        CreatedAt = FromMilliseconds(version.CreationTimestamp),
        UpdatedAt = FromMilliseconds(version.LastUpdatedTimestamp ?? version.CreationTimestamp),
    };

    public static void AddMetrics(ModelVersion version, MlflowRun? run)
    {
        if (run is null || string.Equals(run.Info?.LifecycleStage, "deleted", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var metrics = run.Data?.Metrics ?? [];
        version.Mae = metrics.FirstOrDefault(m => string.Equals(m.Key, "mae", StringComparison.OrdinalIgnoreCase))?.Value;
        version.Rmse = metrics.FirstOrDefault(m => string.Equals(m.Key, "rmse", StringComparison.OrdinalIgnoreCase))?.Value;
    }

    public static ModelStage ToStage(string? stage) =>
        Enum.TryParse<ModelStage>(stage, ignoreCase: true, out var parsed) ? parsed : ModelStage.None;

    public static Dictionary<string, string> TagsOf(MlflowModelVersion version) =>
        (version.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal);

    /// <summary>The version the alias points at, or null when the model has no such alias.</summary>
    public static string? AliasTarget(MlflowRegisteredModel model, string alias) =>
        model.Aliases?.FirstOrDefault(a => a.Alias == alias)?.Version;

    private static IEnumerable<string> AliasesOf(MlflowRegisteredModel model, string version) =>
        (model.Aliases ?? []).Where(a => a.Version == version).Select(a => a.Alias);

    private static long VersionNumber(string version) => long.TryParse(version, out var number) ? number : -1;

    private static DateTimeOffset FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
