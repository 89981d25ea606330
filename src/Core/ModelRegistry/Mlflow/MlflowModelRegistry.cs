using Microsoft.Extensions.Options;

namespace Lotte.Core.ModelRegistry.Mlflow;

/// <summary>
/// <see cref="IModelRegistry"/> over MLflow's REST API 2.0 (MLflow 2.9+ and 3.x): versions and aliases from the
/// registry, offline metrics from each version's run, and moves as aliases or stages (<see cref="MlflowServingMode"/>).
/// Every step of a move reads first and writes only what differs, so applying a move again changes nothing and a
/// move interrupted half-way is completed by the next attempt.
/// </summary>
public sealed class MlflowModelRegistry : IModelRegistry
{
    /// <summary>The named client of <see cref="CheckHealthAsync"/>: one attempt, no retries.</summary>
    internal const string HealthClientName = "Lotte.Mlflow.Health";

    private readonly MlflowCalls _calls;
    private readonly MlflowCalls _healthCalls;
    private readonly MlflowOptions _options;
    private readonly TimeProvider _time;

    public MlflowModelRegistry(HttpClient http, IHttpClientFactory clients, IOptions<ModelRegistryOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clients);
        _calls = new MlflowCalls(new MlflowApi(http));
        _healthCalls = new MlflowCalls(new MlflowApi(clients.CreateClient(HealthClientName)));
        _options = options.Value.Mlflow;
        _time = time;
    }

    public string Name => "mlflow";

    public async Task<IReadOnlyList<RegisteredModel>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var models = new List<RegisteredModel>();
        foreach (var model in await _calls.SearchModelsAsync(cancellationToken))
        {
            var versions = await _calls.SearchVersionsAsync(model.Name, cancellationToken);
            models.Add(MlflowMapping.ToModel(model, versions));
        }
        return models;
    }

    public async Task<ModelVersion?> FindVersionAsync(string modelName, string version, CancellationToken cancellationToken = default)
    {
        if (!IsVersionNumber(version))
        {
            return null; // MLflow versions are integers; anything else cannot exist
        }
        var found = await _calls.FindVersionAsync(modelName, version, cancellationToken);
        if (found is null)
        {
            return null;
        }
        var result = MlflowMapping.ToVersion(found);
        if (!string.IsNullOrEmpty(found.RunId))
        {
            MlflowMapping.AddMetrics(result, await _calls.FindRunAsync(found.RunId, cancellationToken));
        }
        return result;
    }

    public async Task<bool> IsAppliedAsync(RegistryMove move, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(move);
        var version = await _calls.GetVersionAsync(move.ModelName, move.Version, cancellationToken);
        return MoveTags.AreWritten(MlflowMapping.TagsOf(version), move)
            && await PointerIsMovedAsync(move, version, cancellationToken);
    }

    public async Task ApplyAsync(RegistryMove move, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(move);
        var version = await _calls.GetVersionAsync(move.ModelName, move.Version, cancellationToken);
        if (_options.Mode == MlflowServingMode.Aliases)
        {
            await MoveAliasesAsync(move, cancellationToken);
        }
        else
        {
            await MoveStagesAsync(move, version, cancellationToken);
        }
        foreach (var (key, value) in MoveTags.Missing(MlflowMapping.TagsOf(version), move, _time.GetUtcNow()))
        {
            await _calls.SetVersionTagAsync(move.ModelName, move.Version, key, value, cancellationToken);
        }
    }

    public async Task<RegistryHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _healthCalls.PingAsync(cancellationToken);
            return new RegistryHealth(Name, Reachable: true, $"MLflow answers at {_options.TrackingUri}");
        }
        catch (ModelRegistryException e)
        {
            return new RegistryHealth(Name, Reachable: false, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new RegistryHealth(Name, Reachable: false, $"MLflow check failed: {e.Message}");
        }
    }

    private async Task<bool> PointerIsMovedAsync(RegistryMove move, MlflowModelVersion version, CancellationToken cancellationToken)
    {
        if (_options.Mode == MlflowServingMode.Aliases)
        {
            var model = await _calls.GetModelAsync(move.ModelName, cancellationToken);
            return AliasSteps(move, model).Count == 0;
        }
        var stage = MlflowMapping.ToStage(version.CurrentStage);
        if (move.Kind == RegistryMoveKind.RollBack)
        {
            return stage == ModelStage.Archived;
        }
        return stage == ModelStage.Production && !await ReplacedStillServesAsync(move, cancellationToken);
    }

    private async Task MoveAliasesAsync(RegistryMove move, CancellationToken cancellationToken)
    {
        var model = await _calls.GetModelAsync(move.ModelName, cancellationToken);
        foreach (var (alias, target) in AliasSteps(move, model))
        {
            if (target is null)
            {
                await _calls.DeleteAliasAsync(move.ModelName, alias, cancellationToken);
            }
            else
            {
                await _calls.SetAliasAsync(move.ModelName, alias, target, cancellationToken);
            }
        }
    }

    /// <summary>The alias changes the move still needs: (alias, version to point at), or (alias, null) to delete it.</summary>
    private List<(string Alias, string? Target)> AliasSteps(RegistryMove move, MlflowRegisteredModel model)
    {
        var steps = new List<(string, string?)>();
        if (move.Kind == RegistryMoveKind.Promote)
        {
            if (MlflowMapping.AliasTarget(model, _options.ChampionAlias) != move.Version)
            {
                steps.Add((_options.ChampionAlias, move.Version));
            }
            if (HasReplaced(move) && MlflowMapping.AliasTarget(model, _options.PreviousAlias) != move.ReplacedVersion)
            {
                steps.Add((_options.PreviousAlias, move.ReplacedVersion));
            }
        }
        if (MlflowMapping.AliasTarget(model, _options.ChallengerAlias) == move.Version)
        {
            steps.Add((_options.ChallengerAlias, null));
        }
        return steps;
    }

    private async Task MoveStagesAsync(RegistryMove move, MlflowModelVersion version, CancellationToken cancellationToken)
    {
        var stage = MlflowMapping.ToStage(version.CurrentStage);
        if (move.Kind == RegistryMoveKind.RollBack)
        {
            if (stage != ModelStage.Archived)
            {
                await _calls.TransitionStageAsync(move.ModelName, move.Version, ModelStage.Archived, archiveExisting: false, cancellationToken);
            }
            return;
        }
        if (stage != ModelStage.Production || await ReplacedStillServesAsync(move, cancellationToken))
        {
            // archive_existing_versions archives every other Production version, the replaced one included.
            await _calls.TransitionStageAsync(move.ModelName, move.Version, ModelStage.Production, archiveExisting: true, cancellationToken);
        }
    }

    private async Task<bool> ReplacedStillServesAsync(RegistryMove move, CancellationToken cancellationToken)
    {
        if (!HasReplaced(move))
        {
            return false;
        }
        var replaced = await _calls.FindVersionAsync(move.ModelName, move.ReplacedVersion, cancellationToken);
        return replaced is not null && MlflowMapping.ToStage(replaced.CurrentStage) == ModelStage.Production;
    }

    private static bool HasReplaced(RegistryMove move) =>
        !string.IsNullOrEmpty(move.ReplacedVersion) && move.ReplacedVersion != move.Version;

    private static bool IsVersionNumber(string version) =>
        version.Length is > 0 and <= 18 && version.All(char.IsAsciiDigit);
}
