namespace Lotte.Dashboard.Components.Charts;

/// <summary>
/// Everything one chart shows, in a form the JS module turns into ApexCharts options. Built by view
/// models (tested without rendering); the component only ships it to the browser.
/// </summary>
public sealed record ChartSpec(
    string Title,
    string XTitle,
    string YTitle,
    ChartUnit Unit,
    IReadOnlyList<ChartSeries> Series)
{
    public IReadOnlyList<ChartThreshold> Thresholds { get; init; } = [];
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];
    public bool Logarithmic { get; init; }
    public double? YMin { get; init; }
    public double? YMax { get; init; }
    public int Height { get; init; } = 280;
    public string NoData { get; init; } = "No data yet";

    /// <summary>
    /// When set, the x axis is these categories (e.g. score bins) instead of time: each point's X is a category's index,
    /// and the series are drawn as overlaid stepped areas (histograms).
    /// </summary>
    public IReadOnlyList<string>? Categories { get; init; }
}

/// <summary>How values are formatted on the axis, in tooltips and in the data table.</summary>
public enum ChartUnit
{
    Count,
    Percent,
    PValue,
    Ratio,

    /// <summary>A plain number to three decimals (e.g. a PSI).</summary>
    Number,
}

/// <summary>A line, or (with <see cref="Band"/>) a shaded interval drawn from each point's Low to High.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, bool Band = false, string? Color = null);

/// <summary>X is Unix time in milliseconds (or the category's index when the spec has categories).</summary>
public sealed record ChartPoint(long X, double? Y, double? Low = null, double? High = null);

/// <summary>A horizontal reference line (e.g. the 1% error threshold).</summary>
public sealed record ChartThreshold(double Value, string Label, string Color);

/// <summary>A vertical marker at a moment (e.g. a rollback).</summary>
public sealed record ChartMarker(long At, string Label, string Color);
