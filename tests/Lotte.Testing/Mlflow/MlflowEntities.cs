using System.Text.Json.Nodes;

namespace Lotte.Testing.Mlflow;

// In-memory entities of the MLflow-protocol server, written as MLflow writes them (proto2 JSON): unset fields and
// empty lists left out, int64 timestamps as numbers, version as a string.

internal sealed class StoredModel(string name, long now)
{
    public string Name { get; set; } = name;
    public long CreatedAt { get; } = now;
    public long UpdatedAt { get; set; } = now;
    public string? Description { get; set; }
    public List<KeyValuePair<string, string>> Tags { get; } = [];
    public List<KeyValuePair<string, int>> Aliases { get; } = [];
    public List<StoredVersion> Versions { get; } = [];

    public IEnumerable<StoredVersion> LiveVersions => Versions.Where(v => !v.Deleted);

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["name"] = Name, ["creation_timestamp"] = CreatedAt, ["last_updated_timestamp"] = UpdatedAt };
        if (Description is not null)
        {
            json["description"] = Description;
        }
        // latest_versions: the newest version in each stage.
        var latest = LiveVersions.GroupBy(v => v.Stage).Select(g => g.MaxBy(v => v.Number)!).OrderBy(v => v.Number).ToList();
        if (latest.Count > 0)
        {
            json["latest_versions"] = new JsonArray([.. latest.Select(v => (JsonNode)v.ToJson(withAliases: null))]);
        }
        if (Tags.Count > 0)
        {
            json["tags"] = TagsJson(Tags);
        }
        if (Aliases.Count > 0)
        {
            json["aliases"] = new JsonArray([.. Aliases.Select(a => (JsonNode)new JsonObject { ["alias"] = a.Key, ["version"] = $"{a.Value}" })]);
        }
        return json;
    }

    public static JsonArray TagsJson(IEnumerable<KeyValuePair<string, string>> tags) =>
        new([.. tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value })]);
}

internal sealed class StoredVersion(StoredModel model, int number, long now)
{
    public StoredModel Model { get; } = model;
    public int Number { get; } = number;
    public long CreatedAt { get; } = now;
    public long UpdatedAt { get; set; } = now;
    public string Stage { get; set; } = "None";
    public string Description { get; set; } = "";
    public string Source { get; set; } = "";
    public string RunId { get; set; } = "";
    public bool Deleted { get; set; }
    public List<KeyValuePair<string, string>> Tags { get; } = [];

    /// <summary>
    /// <paramref name="withAliases"/>: get, create and transition-stage add the version's aliases; search and a
    /// registered model's latest_versions do not (sqlalchemy store: <c>_populate_model_version_aliases</c>).
    /// </summary>
    public JsonObject ToJson(IReadOnlyList<string>? withAliases)
    {
        var json = new JsonObject
        {
            ["name"] = Model.Name,
            ["version"] = $"{Number}",
            ["creation_timestamp"] = CreatedAt,
            ["last_updated_timestamp"] = UpdatedAt,
            ["current_stage"] = Stage,
            ["description"] = Description,
            ["source"] = Source,
            ["run_id"] = RunId,
            ["status"] = "READY",
        };
        if (Tags.Count > 0)
        {
            json["tags"] = StoredModel.TagsJson(Tags);
        }
        json["run_link"] = "";
        if (withAliases is { Count: > 0 })
        {
            json["aliases"] = new JsonArray([.. withAliases.Select(a => (JsonNode)a)]);
        }
        return json;
    }
}

internal sealed class StoredRun(string runId, string experimentId, string runName, long startTime, string artifactUri)
{
    public string RunId { get; } = runId;
    public string ExperimentId { get; } = experimentId;
    public string RunName { get; } = runName;
    public long StartTime { get; } = startTime;
    public string ArtifactUri { get; } = artifactUri;
    public string LifecycleStage { get; set; } = "active";
    public Dictionary<string, (double Value, long Timestamp, long Step)> Metrics { get; } = new(StringComparer.Ordinal);
    public List<KeyValuePair<string, string>> Params { get; } = [];

    public JsonObject ToJson()
    {
        var data = new JsonObject();
        if (Metrics.Count > 0)
        {
            data["metrics"] = new JsonArray([.. Metrics.Select(m => (JsonNode)new JsonObject
            {
                ["key"] = m.Key, ["value"] = m.Value.Value, ["timestamp"] = m.Value.Timestamp, ["step"] = m.Value.Step,
            })]);
        }
        if (Params.Count > 0)
        {
            data["params"] = StoredModel.TagsJson(Params);
        }
        data["tags"] = StoredModel.TagsJson([new("mlflow.runName", RunName)]);
        return new JsonObject
        {
            ["info"] = new JsonObject
            {
                ["run_uuid"] = RunId,
                ["experiment_id"] = ExperimentId,
                ["run_name"] = RunName,
                ["user_id"] = "",
                ["status"] = "RUNNING",
                ["start_time"] = StartTime,
                ["artifact_uri"] = ArtifactUri,
                ["lifecycle_stage"] = LifecycleStage,
                ["run_id"] = RunId,
            },
            ["data"] = data,
            ["inputs"] = new JsonObject(),
            ["outputs"] = new JsonObject(),
        };
    }
}
