using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lotte.Testing;

namespace Lotte.Dashboard.Tests.Localization;

/// <summary>Every UI string the dashboard asks the localizer for has a Korean translation.</summary>
public partial class KoreanResourceTests
{
    [Fact]
    public void EveryLocalizedKeyInTheSources_HasAKoreanTranslation()
    {
        var dashboard = RepositoryRoot.Combine("src", "Dashboard");
        var korean = XDocument.Load(Path.Combine(dashboard, "Resources", "Localization", "SharedResource.ko.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(dashboard, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(key => !korean.Contains(key)).Order());
    }

    [GeneratedRegex("""\b[Ll]\["(?<key>[^"]+)"[\],]""")]
    private static partial Regex LocalizerKey();
}
