using System.Text.RegularExpressions;

namespace Lotte.Testing.Mlflow;

/// <summary>
/// Search filters as far as the server implements them: clauses <c>key op 'value'</c> joined by AND, keys
/// <c>name</c>, <c>run_id</c>, <c>version_number</c>, <c>source_path</c> and <c>tags.&lt;key&gt;</c>, operators =, !=, LIKE
/// and ILIKE. MLflow understands more; anything else answers 400 here rather than being ignored.
/// </summary>
internal sealed partial class MlflowFilter
{
    private readonly List<(string Key, string Op, string Value)> _clauses;

    private MlflowFilter(List<(string, string, string)> clauses) => _clauses = clauses;

    public static MlflowFilter Parse(string? filter)
    {
        var clauses = new List<(string, string, string)>();
        if (string.IsNullOrWhiteSpace(filter))
        {
            return new(clauses);
        }
        foreach (var part in AndSeparator().Split(filter))
        {
            var match = Clause().Match(part);
            if (!match.Success)
            {
                throw MlflowFault.Invalid($"Invalid clause(s) in filter string: {part.Trim()}");
            }
            clauses.Add((match.Groups["key"].Value.Trim('`'), match.Groups["op"].Value.ToUpperInvariant(), match.Groups["value"].Value));
        }
        return new(clauses);
    }

    public bool Matches(Func<string, string?> field) => _clauses.All(c => Holds(field(c.Key), c.Op, c.Value));

    private static bool Holds(string? actual, string op, string expected) => op switch
    {
        "=" => actual == expected,
        "!=" => actual != expected,
        "LIKE" => actual is not null && Like(expected, RegexOptions.None).IsMatch(actual),
        _ => actual is not null && Like(expected, RegexOptions.IgnoreCase).IsMatch(actual),
    };

    private static Regex Like(string pattern, RegexOptions options) =>
        new("^" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$",
            options | RegexOptions.Singleline, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^\s*(?<key>name|run_id|version_number|source_path|tags\.[\w.\-]+|tags\.`[^`]+`)\s*(?<op>!=|=|LIKE|ILIKE)\s*(?<q>['""])(?<value>.*)\k<q>\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();
}
