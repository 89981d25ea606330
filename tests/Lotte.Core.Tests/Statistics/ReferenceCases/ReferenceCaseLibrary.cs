using System.Text.Json;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>
/// Loads every <c>*.json</c> case file of the reference directory. The directory is the copy shipped with the tests
/// (<c>Reference/stats</c> next to the test assembly) unless the environment variable
/// <see cref="DirectoryVariable"/> names another one, so new case files in the same format run without code changes.
/// </summary>
public static class ReferenceCaseLibrary
{
    public const string DirectoryVariable = "LOTTE_REFERENCE_DIR";

    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceCase>> Cases = new(Load);

    public static string Directory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(AppContext.BaseDirectory, "Reference", "stats");

    public static IEnumerable<ReferenceCase> All => Cases.Value.Values;

    public static ReferenceCase Get(string key) => Cases.Value[key];

    public static string KeyOf(ReferenceCase referenceCase) => $"{referenceCase.FileName}#{referenceCase.Id}";

    private static IReadOnlyDictionary<string, ReferenceCase> Load()
    {
        var cases = new Dictionary<string, ReferenceCase>(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var referenceCase in LoadFile(path))
            {
                cases.Add(KeyOf(referenceCase), referenceCase);
            }
        }

        return cases;
    }

    private static IEnumerable<ReferenceCase> LoadFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var fileName = Path.GetFileName(path);
        var section = root.GetProperty("section").GetString() ?? "";
        var tolerances = ToleranceTable.Parse(root.TryGetProperty("tolerance", out var block) ? block : default);
        var loaded = new List<ReferenceCase>();
        foreach (var item in root.GetProperty("cases").EnumerateArray())
        {
            var tags = item.TryGetProperty("tags", out var tagArray)
                ? tagArray.EnumerateArray().Select(tag => tag.GetString() ?? "").ToArray()
                : [];
            loaded.Add(new ReferenceCase(
                fileName,
                section,
                item.GetProperty("id").GetString() ?? "",
                item.TryGetProperty("kind", out var kind) ? kind.GetString() : null,
                tags,
                item.GetProperty("inputs").Clone(),
                item.GetProperty("expected").Clone(),
                tolerances));
        }

        return loaded;
    }
}
