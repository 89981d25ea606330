using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// A file's <c>tolerance</c> block: keys are comma-separated field patterns (<c>*</c> is a wildcard and
/// <c>(a|b)</c> an alternative), values carry <c>rel</c> and optionally <c>abs</c>. Text-only entries
/// (e.g. "booleans": "exact") are left to the checkers.
/// </summary>
public sealed class ToleranceTable
{
    private readonly List<(Regex Pattern, Tolerance Tolerance)> entries = [];

    public static ToleranceTable Parse(JsonElement block)
    {
        var table = new ToleranceTable();
        if (block.ValueKind != JsonValueKind.Object)
        {
            return table;
        }

        foreach (var property in block.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.TryGetProperty("rel", out var relative))
            {
                continue;
            }

            var absolute = property.Value.TryGetProperty("abs", out var abs) ? abs.GetDouble() : 0.0;
            foreach (var field in property.Name.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                table.entries.Add((ToRegex(field), new Tolerance(relative.GetDouble(), absolute)));
            }
        }

        return table;
    }

    /// <summary>The tolerance of the first pattern matching <paramref name="field"/>, or null when none does.</summary>
    public Tolerance? For(string field)
    {
        foreach (var (pattern, tolerance) in entries)
        {
            if (pattern.IsMatch(field))
            {
                return tolerance;
            }
        }

        return null;
    }

    private static Regex ToRegex(string fieldPattern)
    {
        var escaped = Regex.Escape(fieldPattern)
            .Replace(@"\*", ".*", StringComparison.Ordinal)
            .Replace(@"\(", "(", StringComparison.Ordinal)
            .Replace(@"\)", ")", StringComparison.Ordinal)
            .Replace(@"\|", "|", StringComparison.Ordinal);
        return new Regex($"^(?:{escaped})$", RegexOptions.CultureInvariant);
    }
}
