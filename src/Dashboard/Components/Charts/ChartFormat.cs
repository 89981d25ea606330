using System.Globalization;

namespace Lotte.Dashboard.Components.Charts;

/// <summary>Formats chart values for the data table, matching the chart's own formatting.</summary>
public static class ChartFormat
{
    public static string Value(double? value, ChartUnit unit) => value switch
    {
        null => "",
        { } v => unit switch
        {
            ChartUnit.Percent => v.ToString("P2", CultureInfo.CurrentCulture),
            ChartUnit.PValue => v < 0.001 ? v.ToString("0.0E+0", CultureInfo.CurrentCulture) : v.ToString("0.000", CultureInfo.CurrentCulture),
            ChartUnit.Ratio => (v >= 0 ? "+" : "") + v.ToString("P1", CultureInfo.CurrentCulture),
            ChartUnit.Number => v.ToString("0.000", CultureInfo.CurrentCulture),
            _ => v.ToString("N0", CultureInfo.CurrentCulture),
        },
    };

    /// <summary>A row's heading in the data table: the category, or the local time.</summary>
    public static string X(ChartSpec spec, long x) => spec.Categories is { } categories
        ? x >= 0 && x < categories.Count ? categories[(int)x] : ""
        : DateTimeOffset.FromUnixTimeMilliseconds(x).ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

    public static string Cell(ChartSeries series, long x, ChartUnit unit)
    {
        var point = series.Points.FirstOrDefault(p => p.X == x);
        return point is null ? ""
            : series.Band ? $"{Value(point.Low, unit)} – {Value(point.High, unit)}"
            : Value(point.Y, unit);
    }
}
