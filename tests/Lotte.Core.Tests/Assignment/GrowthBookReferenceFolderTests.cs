using System.Text.Json;

namespace Lotte.Core.Tests.Assignment;

/// <summary>Guards the harness itself: a case file it cannot read must fail, never pass by running nothing.</summary>
public sealed class GrowthBookReferenceFolderTests
{
    [Fact]
    public void Files_InReferenceFolder_AreFound()
    {
        Assert.NotEmpty(GrowthBookReferenceCases.Files);
    }

    [Fact]
    public void Files_EveryListSection_IsOneTheHarnessRuns()
    {
        foreach (var file in GrowthBookReferenceCases.Files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var sections = document.RootElement.EnumerateObject()
                .Where(property => property.Value.ValueKind == JsonValueKind.Array)
                .Select(property => property.Name)
                .ToArray();

            // A misspelt or unknown section would otherwise be skipped silently.
            Assert.NotEmpty(sections);
            Assert.All(sections, section => Assert.Contains(section, GrowthBookReferenceCases.Sections));
        }
    }
}
