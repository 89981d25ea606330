using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lotte.Core.Tests.Assignment;

/// <summary>
/// Finds GrowthBook-format case files and turns each case of a section into its own theory row,
/// so a failing case is reported by name instead of hiding inside one big test.
/// </summary>
internal static class GrowthBookReferenceCases
{
    public const string FolderVariable = "LOTTE_ASSIGNMENT_REFERENCE_DIR";

    public static readonly IReadOnlyList<string> Sections =
        ["hash", "getBucketRange", "chooseVariation", "inNamespace", "getEqualWeights"];

    // Compact and unescaped, so the case reads as written in the file wherever the runner shows it.
    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Folder =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "Reference", "assignment");

    // Only the folder itself: subfolders hold files of other formats.
    public static IReadOnlyList<string> Files =>
        Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Rows holding one case as JSON, named by case and file, for each case of <paramref name="section"/> in every file.</summary>
    public static IEnumerable<TheoryDataRow<string>> Rows(string section, Func<JsonElement, string> describe)
    {
        foreach (var file in Files)
        {
            var name = Path.GetFileName(file);
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (!document.RootElement.TryGetProperty(section, out var cases))
            {
                continue;
            }
            foreach (var testCase in cases.EnumerateArray())
            {
                yield return new TheoryDataRow<string>(JsonSerializer.Serialize(testCase, CompactJson))
                    .WithTestDisplayName($"{section}: {describe(testCase)} [{name}]");
            }
        }
    }
}
