using System.Text;

namespace Lotte.Core.ModelRegistry.Mlflow;

/// <summary>
/// A GET request's parameters: MLflow reads them from the query string, every value URL-encoded (2.x servers
/// answer 500 on a raw "==" in a page token) and a repeated field sent as a repeated key.
/// </summary>
internal sealed class MlflowQuery
{
    private readonly StringBuilder _text = new();

    public MlflowQuery Add(string key, string? value)
    {
        if (value is null)
        {
            return this;
        }
        _text.Append(_text.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public MlflowQuery AddEach(string key, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            Add(key, value);
        }
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>A search filter matching one model name, quoted so a quote inside the name survives.</summary>
    public static string NameEquals(string name) =>
        name.Contains('\'', StringComparison.Ordinal) ? $"name=\"{name}\"" : $"name='{name}'";
}
