using System.Globalization;

namespace Lotte.Core.Decisions.Explanations;

/// <summary>Numbers as a product lead reads them: "6.1%", "+22%", "p = 0.012". Same digits in every language.</summary>
internal static class ExplanationFormat
{
    /// <summary>A rate with one decimal, or two below 1 % (error rates live there).</summary>
    public static string Rate(double rate) =>
        (rate * 100).ToString(Math.Abs(rate) < 0.01 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A signed relative change: one decimal below 10 %, whole percent above.</summary>
    public static string SignedPercent(double change)
    {
        var text = (change * 100).ToString(Math.Abs(change) < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture);
        return (change >= 0 ? "+" : "") + text.Replace("-", "\u2212", StringComparison.Ordinal) + "%";
    }

    public static string Count(long count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>"p = 0.012", "p = 0.0004", or "p &lt; 0.0001" for anything smaller, in the culture's words for p.</summary>
    public static string PValue(double p, CultureInfo culture) =>
        p < 0.0001
            ? ExplanationText.Format("PValueBelow", culture, "0.0001")
            : ExplanationText.Format("PValue", culture, p.ToString(p < 0.01 ? "0.0000" : "0.000", CultureInfo.InvariantCulture));

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
