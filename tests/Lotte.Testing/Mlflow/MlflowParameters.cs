using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Lotte.Testing.Mlflow;

/// <summary>
/// A request's parameters as MLflow reads them: GET from the query string (repeated keys for repeated fields), or
/// from a JSON body when there is no query string; POST, PATCH and DELETE from the JSON body only.
/// </summary>
internal sealed class MlflowParameters
{
    private readonly IQueryCollection? _query;
    private readonly JsonObject _body;

    private MlflowParameters(IQueryCollection? query, JsonObject body)
    {
        _query = query;
        _body = body;
    }

    public static MlflowParameters FromQuery(IQueryCollection query) => new(query, []);

    public static MlflowParameters FromBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new(null, []);
        }
        try
        {
            return new(null, JsonNode.Parse(body) as JsonObject ?? throw MlflowFault.Invalid("Request body is not a JSON object."));
        }
        catch (System.Text.Json.JsonException)
        {
            throw new MlflowFault("BAD_REQUEST", "Malformed JSON body.");
        }
    }

    public string Required(string name) =>
        String(name) is { Length: > 0 } value ? value : throw MlflowFault.Missing(name);

    public string? String(string name)
    {
        if (_query is not null)
        {
            return _query.TryGetValue(name, out var values) ? values[0] : null;
        }
        var node = _body[name];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }
        throw MlflowFault.Invalid(
            $"Invalid value {node.ToJsonString()} for parameter '{name}' supplied:  Hint: Value was of type '{PythonType(node)}'. See the API docs for more information about request parameters.");
    }

    public List<string> Strings(string name)
    {
        if (_query is not null)
        {
            return _query.TryGetValue(name, out var values) ? [.. values.OfType<string>()] : [];
        }
        return _body[name] switch
        {
            null => [],
            JsonArray array => [.. array.Select(n => n?.GetValue<string>() ?? "")],
            var single => [single.GetValue<string>()],
        };
    }

    public bool Bool(string name)
    {
        if (_query is not null)
        {
            return String(name) is { } text && bool.Parse(text);
        }
        return _body[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
    }

    public long? Long(string name)
    {
        if (_query is not null)
        {
            var text = String(name);
            return text is null ? null
                : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
                : throw InvalidValue(name, text);
        }
        return _body[name] is JsonValue value ? (value.TryGetValue<long>(out var n) ? n : (long)value.GetValue<double>()) : null;
    }

    public double Double(string name) => _body[name] is JsonValue value ? value.GetValue<double>() : throw MlflowFault.Missing(name);

    public JsonArray Array(string name) => _body[name] as JsonArray ?? [];

    /// <summary>The answer MLflow gives for a query value outside a field's bounds ("5000" for max_results).</summary>
    public static MlflowFault InvalidValue(string name, string value) =>
        MlflowFault.Invalid($"Invalid value \"{value}\" for parameter '{name}' supplied:  Hint: Value was of type 'str'. See the API docs for more information about request parameters.");

    public bool FromQueryString => _query is not null;

    private static string PythonType(JsonNode node) => node.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => node.ToJsonString().Contains('.', StringComparison.Ordinal) ? "float" : "int",
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "bool",
        System.Text.Json.JsonValueKind.Array => "list",
        System.Text.Json.JsonValueKind.Object => "dict",
        _ => "NoneType",
    };
}
