using System.Text.Json;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>One case of a reference file: its inputs, expected outputs and the file's tolerance table.</summary>
public sealed record ReferenceCase(
    string FileName,
    string Section,
    string Id,
    string? Kind,
    IReadOnlyList<string> Tags,
    JsonElement Inputs,
    JsonElement Expected,
    ToleranceTable Tolerances)
{
    public bool HasTag(string tag) => Tags.Contains(tag);

    public override string ToString() => $"{FileName}: {Id}";
}
