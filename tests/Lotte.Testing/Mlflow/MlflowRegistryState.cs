using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Lotte.Testing.Mlflow;

/// <summary>The model registry of the MLflow-protocol server: what each endpoint does and answers.</summary>
internal sealed partial class MlflowState(TimeProvider time)
{
    private static readonly string[] Stages = ["None", "Staging", "Production", "Archived"];
    private readonly List<StoredModel> _models = [];

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public JsonObject CreateModel(MlflowParameters p)
    {
        var name = p.Required("name");
        if (_models.Any(m => m.Name == name))
        {
            throw new MlflowFault("RESOURCE_ALREADY_EXISTS", $"Registered Model (name={name}) already exists.");
        }
        var model = new StoredModel(name, Now) { Description = p.String("description") };
        model.Tags.AddRange(Pairs(p.Array("tags")));
        _models.Add(model);
        return new JsonObject { ["registered_model"] = model.ToJson() };
    }

    public JsonObject GetModel(MlflowParameters p) => new() { ["registered_model"] = Model(p.Required("name")).ToJson() };

    public JsonObject DeleteModel(MlflowParameters p)
    {
        _models.Remove(Model(p.Required("name")));
        return [];
    }

    public JsonObject SearchModels(MlflowParameters p)
    {
        var max = p.Long("max_results") ?? 100;
        if (max is < 1 or > 1000)
        {
            throw MlflowParameters.InvalidValue("max_results", $"{max}");
        }
        var filter = MlflowFilter.Parse(p.String("filter"));
        var found = _models.Where(m => filter.Matches(key => key == "name" ? m.Name : Tag(m.Tags, key)));
        found = MlflowPaging.Order(found, p.Strings("order_by"), m => m.Name, m => m.CreatedAt, m => m.UpdatedAt, null);
        return MlflowPaging.Page(found.Select(m => (JsonNode)m.ToJson()), "registered_models", max, p.String("page_token"));
    }

    public JsonObject SetAlias(MlflowParameters p)
    {
        var model = Model(p.Required("name"));
        var alias = ValidAlias(p.Required("alias"));
        var version = Version(model, p.Required("version"));
        model.Aliases.RemoveAll(a => a.Key == alias);
        model.Aliases.Add(new(alias, version.Number));
        model.UpdatedAt = Now;
        return [];
    }

    public JsonObject GetByAlias(MlflowParameters p)
    {
        var model = Model(p.Required("name"));
        var alias = p.Required("alias");
        var target = model.Aliases.FirstOrDefault(a => a.Key == alias);
        if (target.Key is null)
        {
            throw MlflowFault.Invalid($"Registered model alias {alias} not found.");
        }
        return new JsonObject { ["model_version"] = VersionJson(Version(model, $"{target.Value}")) };
    }

    public JsonObject DeleteAlias(MlflowParameters p)
    {
        var model = Model(p.Required("name"));
        var alias = p.Required("alias");
        model.Aliases.RemoveAll(a => a.Key == alias);
        return [];
    }

    public JsonObject CreateVersion(MlflowParameters p)
    {
        var model = Model(p.Required("name"));
        var source = p.Required("source");
        var runId = p.String("run_id") ?? "";
        ValidateSource(source, runId);
        var version = new StoredVersion(model, model.Versions.Count + 1, Now)
        {
            Source = source, RunId = runId, Description = p.String("description") ?? "",
        };
        version.Tags.AddRange(Pairs(p.Array("tags")));
        model.Versions.Add(version);
        model.UpdatedAt = version.CreatedAt;
        return new JsonObject { ["model_version"] = VersionJson(version) };
    }

    public JsonObject GetVersion(MlflowParameters p) =>
        new() { ["model_version"] = VersionJson(Version(p.Required("name"), p.Required("version"))) };

    public JsonObject DeleteVersion(MlflowParameters p)
    {
        var version = Version(p.Required("name"), p.Required("version"));
        version.Deleted = true;
        version.Model.Aliases.RemoveAll(a => a.Value == version.Number);
        return [];
    }

    public JsonObject SearchVersions(MlflowParameters p)
    {
        var max = p.Long("max_results") ?? 10_000;
        if (max is < 1 or > 200_000)
        {
            throw MlflowFault.Invalid($"Invalid value for request parameter max_results. It must be at most 200000, but got value {max}");
        }
        var filter = MlflowFilter.Parse(p.String("filter"));
        var found = _models.SelectMany(m => m.LiveVersions).Where(v => filter.Matches(key => key switch
        {
            "name" => v.Model.Name,
            "run_id" => v.RunId,
            "source_path" => v.Source,
            "version_number" => $"{v.Number}",
            _ => Tag(v.Tags, key),
        }));
        var orderBy = p.Strings("order_by") is { Count: > 0 } given ? given : ["last_updated_timestamp DESC"];
        found = MlflowPaging.Order(found, orderBy, v => v.Model.Name, v => v.CreatedAt, v => v.UpdatedAt, v => v.Number);
        return MlflowPaging.Page(found.Select(v => (JsonNode)v.ToJson(withAliases: null)), "model_versions", max, p.String("page_token"));
    }

    public JsonObject TransitionStage(MlflowParameters p)
    {
        var version = Version(p.Required("name"), p.Required("version"));
        var requested = p.Required("stage");
        var stage = Stages.FirstOrDefault(s => string.Equals(s, requested, StringComparison.OrdinalIgnoreCase))
            ?? throw MlflowFault.Invalid($"Invalid Model Version stage: {requested}. Value must be one of None, Staging, Production, Archived.");
        var archiveExisting = p.Bool("archive_existing_versions");
        if (archiveExisting && stage is not ("Staging" or "Production"))
        {
            // A plain MlflowException in the store: INTERNAL_ERROR, so 500.
            throw new MlflowFault("INTERNAL_ERROR",
                $"Model version transition cannot archive existing model versions because '{requested}' is not an Active stage. Valid stages are ['Staging', 'Production']");
        }
        var now = Now;
        if (archiveExisting)
        {
            foreach (var other in version.Model.LiveVersions.Where(v => v != version && v.Stage == stage))
            {
                other.Stage = "Archived";
                other.UpdatedAt = now;
            }
        }
        version.Stage = stage;
        version.UpdatedAt = now;
        version.Model.UpdatedAt = now;
        return new JsonObject { ["model_version"] = VersionJson(version) };
    }

    public JsonObject SetVersionTag(MlflowParameters p)
    {
        var version = Version(p.Required("name"), p.Required("version"));
        var key = p.Required("key");
        var value = p.String("value") ?? "";
        if (key.Length > 250 || value.Length > 100_000)
        {
            throw MlflowFault.Invalid("Tag key must be at most 250 characters and its value at most 100000.");
        }
        version.Tags.RemoveAll(t => t.Key == key);
        version.Tags.Add(new(key, value));
        return [];
    }

    public JsonObject DeleteVersionTag(MlflowParameters p)
    {
        var version = Version(p.Required("name"), p.Required("version"));
        var key = p.Required("key");
        version.Tags.RemoveAll(t => t.Key == key);
        return [];
    }

    private JsonObject VersionJson(StoredVersion version) =>
        version.ToJson(withAliases: [.. version.Model.Aliases.Where(a => a.Value == version.Number).Select(a => a.Key)]);

    private StoredModel Model(string name) =>
        _models.FirstOrDefault(m => m.Name == name) ?? throw MlflowFault.NotFound($"Registered Model with name={name} not found");

    private StoredVersion Version(string name, string version)
    {
        var model = _models.FirstOrDefault(m => m.Name == name);
        return model is null ? throw VersionNotFound(name, version) : Version(model, version);
    }

    private static StoredVersion Version(StoredModel model, string version)
    {
        if (!int.TryParse(version, out var number))
        {
            throw MlflowFault.Invalid($"Parameter 'version' must be an integer, got '{version}'.");
        }
        return model.LiveVersions.FirstOrDefault(v => v.Number == number) ?? throw VersionNotFound(model.Name, version);
    }

    private static MlflowFault VersionNotFound(string name, string version) =>
        MlflowFault.NotFound($"Model Version (name={name}, version={version}) not found");

    private static string ValidAlias(string alias)
    {
        if (string.Equals(alias, "latest", StringComparison.OrdinalIgnoreCase))
        {
            throw MlflowFault.Invalid("'latest' alias name (case insensitive) is reserved.");
        }
        if (VersionShaped().IsMatch(alias))
        {
            throw MlflowFault.Invalid($"Version alias name '{alias}' is reserved.");
        }
        if (alias.Length > 255 || !AliasPattern().IsMatch(alias))
        {
            throw MlflowFault.Invalid($"Invalid alias name: '{alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-), and must be at most 255 characters.");
        }
        return alias;
    }

    private static string? Tag(List<KeyValuePair<string, string>> tags, string key) =>
        key.StartsWith("tags.", StringComparison.Ordinal) ? tags.FirstOrDefault(t => t.Key == key[5..]).Value : null;

    private static IEnumerable<KeyValuePair<string, string>> Pairs(JsonArray array) =>
        array.OfType<JsonObject>().Select(o => new KeyValuePair<string, string>(
            o["key"]?.GetValue<string>() ?? throw MlflowFault.Missing("key"), o["value"]?.GetValue<string>() ?? ""));

    [GeneratedRegex(@"^[\w\-]*$")]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@"^[vV]\d+$")]
    private static partial Regex VersionShaped();
}
