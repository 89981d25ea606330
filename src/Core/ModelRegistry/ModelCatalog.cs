using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Lotte.Core.ModelRegistry;

/// <summary>
/// What the pages read from the registry, cached briefly so an experiment page with live updates does not call
/// MLflow on every change. Registry failures surface as <see cref="ModelRegistryException"/> to the caller.
/// </summary>
public sealed class ModelCatalog(IModelRegistry registry, IOptions<ModelRegistryOptions> options, TimeProvider time)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<(string Model, string Version), (DateTimeOffset At, ModelVersion? Version)> _versions = new();
    private (DateTimeOffset At, IReadOnlyList<RegisteredModel> Models)? _models;

    public string RegistryName => registry.Name;

    public async Task<IReadOnlyList<RegisteredModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (_models is { } cached && time.GetUtcNow() - cached.At < CacheLifetime)
        {
            return cached.Models;
        }

        var models = await registry.ListModelsAsync(cancellationToken);
        _models = (time.GetUtcNow(), models);
        return models;
    }

    /// <summary>A version with its offline metrics; null when the registry has no such version or cannot be reached now.</summary>
    public async Task<ModelVersion?> FindVersionOrNullAsync(string modelName, string version, CancellationToken cancellationToken = default)
    {
        var key = (modelName, version);
        if (_versions.TryGetValue(key, out var cached) && time.GetUtcNow() - cached.At < CacheLifetime)
        {
            return cached.Version;
        }

        try
        {
            var found = await registry.FindVersionAsync(modelName, version, cancellationToken);
            _versions[key] = (time.GetUtcNow(), found);
            return found;
        }
        catch (ModelRegistryException)
        {
            return cached.Version; // the last known answer, or nothing: the page says the metrics are unavailable
        }
    }

    /// <summary>Forgets cached answers, e.g. after this replica moved a version.</summary>
    public void Invalidate()
    {
        _models = null;
        _versions.Clear();
    }

    /// <summary>The version that serves now: the champion alias where aliases are used, else the Production stage.</summary>
    public ModelVersion? ServingVersion(RegisteredModel model) =>
        model.Versions.FirstOrDefault(v => v.Aliases.Contains(options.Value.Mlflow.ChampionAlias))
        ?? model.Versions.FirstOrDefault(v => v.Stage == ModelStage.Production);
}
