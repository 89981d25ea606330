using System.Text.Json.Nodes;

namespace Lotte.Testing.Mlflow;

/// <summary>Experiments and runs: only what model versions need (a run's metrics, a source inside a run's artifacts).</summary>
internal sealed partial class MlflowState
{
    private readonly Dictionary<string, string> _experiments = new(StringComparer.Ordinal) { ["0"] = "Default" };
    private readonly Dictionary<string, StoredRun> _runs = new(StringComparer.Ordinal);

    public JsonObject CreateExperiment(MlflowParameters p)
    {
        var name = p.Required("name");
        if (_experiments.ContainsValue(name))
        {
            throw new MlflowFault("RESOURCE_ALREADY_EXISTS", $"Experiment '{name}' already exists.");
        }
        var id = $"{_experiments.Count}";
        _experiments[id] = name;
        return new JsonObject { ["experiment_id"] = id };
    }

    public JsonObject DeleteExperiment(MlflowParameters p)
    {
        var id = p.Required("experiment_id");
        if (!_experiments.Remove(id))
        {
            throw MlflowFault.NotFound($"No Experiment with id={id} exists");
        }
        return [];
    }

    public JsonObject CreateRun(MlflowParameters p)
    {
        var experimentId = p.String("experiment_id") ?? "0";
        if (!_experiments.ContainsKey(experimentId))
        {
            throw MlflowFault.NotFound($"No Experiment with id={experimentId} exists");
        }
        var runId = Guid.NewGuid().ToString("N");
        var run = new StoredRun(runId, experimentId, p.String("run_name") ?? runId[..8], p.Long("start_time") ?? Now,
            $"mlflow-artifacts:/{experimentId}/{runId}/artifacts");
        _runs[runId] = run;
        return new JsonObject { ["run"] = run.ToJson() };
    }

    public JsonObject GetRun(MlflowParameters p) => new() { ["run"] = Run(p.Required("run_id")).ToJson() };

    public JsonObject DeleteRun(MlflowParameters p)
    {
        Run(p.Required("run_id")).LifecycleStage = "deleted";
        return [];
    }

    public JsonObject LogMetric(MlflowParameters p)
    {
        var run = Run(p.Required("run_id"));
        run.Metrics[p.Required("key")] = (p.Double("value"), p.Long("timestamp") ?? Now, p.Long("step") ?? 0);
        return [];
    }

    public JsonObject LogBatch(MlflowParameters p)
    {
        var run = Run(p.Required("run_id"));
        foreach (var metric in p.Array("metrics").OfType<JsonObject>())
        {
            run.Metrics[metric["key"]!.GetValue<string>()] =
                (metric["value"]!.GetValue<double>(), metric["timestamp"]?.GetValue<long>() ?? Now, metric["step"]?.GetValue<long>() ?? 0);
        }
        foreach (var param in p.Array("params").OfType<JsonObject>())
        {
            run.Params.Add(new(param["key"]!.GetValue<string>(), param["value"]?.GetValue<string>() ?? ""));
        }
        return [];
    }

    private StoredRun Run(string runId) =>
        _runs.GetValueOrDefault(runId) ?? throw MlflowFault.NotFound($"Run with id={runId} not found");

    /// <summary>
    /// <c>handlers._validate_source_run</c>: no relative segments; a local path only with a run_id and inside that run's
    /// artifacts; <c>models:/name/version</c> must name an existing version (else 500); other schemes as given.
    /// </summary>
    private void ValidateSource(string source, string runId)
    {
        if (source.Contains('\0', StringComparison.Ordinal) || source.Contains("%2e%2e", StringComparison.OrdinalIgnoreCase)
            || source.Split('/', '\\').Contains(".."))
        {
            throw MlflowFault.Invalid($"Invalid model version source: '{source}'. If supplying a source as an http, https, local file path, ftp, objectstore, or mlflow-artifacts uri, an absolute path must be provided without relative path references present. Please provide an absolute path.");
        }
        if (source.StartsWith("models:/", StringComparison.Ordinal))
        {
            var parts = source["models:/".Length..].Split('/');
            var model = _models.FirstOrDefault(m => m.Name == parts[0]);
            if (parts.Length < 2 || model?.LiveVersions.Any(v => $"{v.Number}" == parts[1]) != true)
            {
                throw new MlflowFault("INTERNAL_ERROR",
                    $"Unable to fetch model from model URI source artifact location '{source}'.Error: Model Version (name={parts[0]}, version={(parts.Length > 1 ? parts[1] : "")}) not found");
            }
            return;
        }
        var isLocal = source.StartsWith('/') || source.StartsWith("file:", StringComparison.Ordinal) || !source.Contains(':', StringComparison.Ordinal);
        if (!isLocal)
        {
            return;
        }
        if (runId.Length == 0 || !_runs.TryGetValue(runId, out var owner) || !source.StartsWith(owner.ArtifactUri, StringComparison.Ordinal))
        {
            throw MlflowFault.Invalid($"Invalid model version source: '{source}'. To use a local path as a model version source, the run_id request parameter has to be specified and the local path has to be contained within the artifact directory of the run specified by the run_id.");
        }
    }
}
