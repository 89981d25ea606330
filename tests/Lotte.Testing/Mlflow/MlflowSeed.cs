using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Lotte.Testing.Mlflow;

/// <summary>
/// Test data created through MLflow's own API, so the same scenarios run against the protocol server and a real
/// MLflow: uniquely named models (lotte-test-&lt;guid&gt;), versions with or without a training run, and clean-up.
/// </summary>
public sealed class MlflowSeed(Uri baseUri, bool cleanUp = true) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUri, "api/2.0/mlflow/") };
    private readonly List<string> _models = [];
    private string? _experimentId;

    public static string UniqueName() => $"lotte-test-{Guid.NewGuid():N}";

    public async Task<string> CreateModelAsync(CancellationToken cancellationToken)
    {
        var name = UniqueName();
        await PostAsync("registered-models/create", new JsonObject { ["name"] = name, ["description"] = "created by a Lotte test" }, cancellationToken);
        _models.Add(name);
        return name;
    }

    /// <summary>A version whose training run logged MAE and RMSE (keys in mixed case, as teams log them).</summary>
    public async Task<(string Version, string RunId)> CreateVersionWithRunAsync(string model, double mae, double rmse, CancellationToken cancellationToken)
    {
        _experimentId ??= (await PostAsync("experiments/create", new JsonObject { ["name"] = UniqueName() }, cancellationToken))["experiment_id"]!.GetValue<string>();
        var run = (await PostAsync("runs/create", new JsonObject
        {
            ["experiment_id"] = _experimentId,
            ["run_name"] = "train",
            ["start_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        }, cancellationToken))["run"]!["info"]!;
        var runId = run["run_id"]!.GetValue<string>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await PostAsync("runs/log-batch", new JsonObject
        {
            ["run_id"] = runId,
            ["metrics"] = new JsonArray(
                new JsonObject { ["key"] = "MAE", ["value"] = mae, ["timestamp"] = now, ["step"] = 0 },
                new JsonObject { ["key"] = "rmse", ["value"] = rmse, ["timestamp"] = now, ["step"] = 0 }),
        }, cancellationToken);
        var source = run["artifact_uri"]!.GetValue<string>() + "/model";
        var version = await PostAsync("model-versions/create", new JsonObject { ["name"] = model, ["source"] = source, ["run_id"] = runId }, cancellationToken);
        return (version["model_version"]!["version"]!.GetValue<string>(), runId);
    }

    public async Task<string> CreateVersionAsync(string model, CancellationToken cancellationToken)
    {
        var version = await PostAsync("model-versions/create",
            new JsonObject { ["name"] = model, ["source"] = "s3://lotte-test-bucket/models/model" }, cancellationToken);
        return version["model_version"]!["version"]!.GetValue<string>();
    }

    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken) =>
        PostAsync("runs/delete", new JsonObject { ["run_id"] = runId }, cancellationToken);

    public Task SetAliasAsync(string model, string alias, string version, CancellationToken cancellationToken) =>
        PostAsync("registered-models/alias", new JsonObject { ["name"] = model, ["alias"] = alias, ["version"] = version }, cancellationToken);

    public Task TransitionAsync(string model, string version, string stage, bool archiveExisting, CancellationToken cancellationToken) =>
        PostAsync("model-versions/transition-stage", new JsonObject
        {
            ["name"] = model, ["version"] = version, ["stage"] = stage, ["archive_existing_versions"] = archiveExisting,
        }, cancellationToken);

    /// <summary>The registered model's aliases as the server reports them: alias → version.</summary>
    public async Task<Dictionary<string, string>> AliasesAsync(string model, CancellationToken cancellationToken)
    {
        var answer = await _http.GetFromJsonAsync<JsonObject>($"registered-models/get?name={Uri.EscapeDataString(model)}", cancellationToken);
        return (answer!["registered_model"]!["aliases"] as JsonArray ?? [])
            .ToDictionary(a => a!["alias"]!.GetValue<string>(), a => a!["version"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var model in cleanUp ? _models : [])
        {
            await _http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "registered-models/delete")
            {
                Content = JsonContent.Create(new JsonObject { ["name"] = model }),
            });
        }
        if (cleanUp && _experimentId is not null)
        {
            await _http.PostAsJsonAsync("experiments/delete", new JsonObject { ["experiment_id"] = _experimentId });
        }
        _http.Dispose();
    }

    private async Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(path, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding {path} failed: {(int)response.StatusCode} {text}");
        }
        return JsonNode.Parse(text) as JsonObject ?? [];
    }
}
