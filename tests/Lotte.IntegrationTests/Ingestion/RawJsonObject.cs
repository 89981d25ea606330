using System.Text;
using System.Text.Json;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// A JSON object kept as an ordered list of names and raw JSON value texts, so a fuzzer can put anything
/// in a value (a number too large for any type, a lone surrogate escape, a repeated name) and still write it.
/// </summary>
internal sealed class RawJsonObject
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Replaces the field's value, or appends the field.</summary>
    public RawJsonObject Set(string name, string rawValue)
    {
        var index = _fields.FindIndex(f => f.Key == name);
        if (index >= 0)
        {
            _fields[index] = new(name, rawValue);
        }
        else
        {
            _fields.Add(new(name, rawValue));
        }

        return this;
    }

    public RawJsonObject SetText(string name, string text) => Set(name, Quote(text));

    /// <summary>Appends the field even when the name is already there (a duplicate key).</summary>
    public void Append(string name, string rawValue) => _fields.Add(new(name, rawValue));

    public void Remove(string name) => _fields.RemoveAll(f => f.Key == name);

    public static string Quote(string text) => JsonSerializer.Serialize(text);

    public void WriteTo(StringBuilder json)
    {
        json.Append('{');
        for (var i = 0; i < _fields.Count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(Quote(_fields[i].Key)).Append(':').Append(_fields[i].Value);
        }

        json.Append('}');
    }

    public override string ToString()
    {
        var json = new StringBuilder();
        WriteTo(json);
        return json.ToString();
    }
}
