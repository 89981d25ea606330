using System.Globalization;
using System.Resources;

namespace Lotte.Core.Decisions.Explanations;

/// <summary>
/// The explanation sentences in ExplanationText.resx (English, neutral) and ExplanationText.ko.resx (Korean).
/// A missing key is a programming error and shows as the key itself rather than crashing a lead's screen.
/// </summary>
internal static class ExplanationText
{
    private static readonly ResourceManager Resources =
        new("Lotte.Core.Decisions.Explanations.ExplanationText", typeof(ExplanationText).Assembly);

    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string Format(string key, CultureInfo culture, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, Get(key, culture), arguments);
}
