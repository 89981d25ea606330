using System.Globalization;
using System.Text.Json;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// Compares one case's outputs field by field and collects every mismatch, so a failing case names all its bad
/// fields at once. Numeric fields use the file's tolerance for that field (a field without one must match exactly).
/// </summary>
public sealed class CaseAssert(ReferenceCase referenceCase)
{
    private readonly List<string> failures = [];

    public int Comparisons { get; private set; }

    /// <summary>
    /// Compares with <paramref name="tolerance"/>, or else the file's tolerance for the field, which is the last word of
    /// <paramref name="field"/> (labels such as "step 3 log_lambda" name the position first).
    /// </summary>
    public void Close(string field, double actual, double expected, Tolerance? tolerance = null)
    {
        Comparisons++;
        var used = tolerance ?? referenceCase.Tolerances.For(field.Split(' ')[^1]) ?? Tolerance.Exact;
        if (!used.Accepts(actual, expected))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{field}: expected {expected:R}, got {actual:R} ({used}, off by {Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon):g3} relative)"));
        }
    }

    /// <summary>Compares with the expected JSON number; a JSON null expects <paramref name="actual"/> to be null.</summary>
    public void Close(string field, double? actual, JsonElement expected, Tolerance? tolerance = null)
    {
        if (expected.ValueKind == JsonValueKind.Null || actual is null)
        {
            Equal(field, actual is null, expected.ValueKind == JsonValueKind.Null, "null");
            return;
        }

        Close(field, actual.Value, expected.GetDouble(), tolerance);
    }

    public void Equal<T>(string field, T actual, T expected, string? what = null)
    {
        Comparisons++;
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            failures.Add($"{field}{(what is null ? "" : $" ({what})")}: expected {expected}, got {actual}");
        }
    }

    public void True(string what, bool condition)
    {
        Comparisons++;
        if (!condition)
        {
            failures.Add(what);
        }
    }

    /// <summary>Fails the test with every mismatch, or if nothing was compared at all.</summary>
    public void Verify()
    {
        Assert.True(Comparisons > 0, $"{referenceCase}: the checker compared nothing.");
        Assert.True(failures.Count == 0, $"{referenceCase}: {failures.Count} mismatch(es):\n  " + string.Join("\n  ", failures));
    }
}
