using System.Globalization;
using Lotte.Core.Decisions;
using Lotte.Core.Drift;
using Lotte.Core.Experiments;
using Lotte.Core.Statistics.Drift;
using Lotte.Dashboard.Components.Charts;

namespace Lotte.Dashboard.ViewModels;

/// <summary>
/// Shapes the drift looks into the panel's charts. Pure: histograms as shares per bin (arms of different sizes
/// overlay), PSI with the policy's warning and alert lines, the KS p-value on a log axis with its α.
/// </summary>
public static class DriftChartsBuilder
{
    public const string ReferenceColor = "#1e88e5";
    private const string WarningColor = "#ef6c00";
    private const string AlertColor = "#c62828";

    public static DriftCharts Build(ExperimentDetail detail, DriftLabels labels)
    {
        var policy = detail.Experiment.Policy.Drift;
        return new DriftCharts(Histograms(detail.Drift?.Histograms, policy, labels), Psi(detail.DriftHistory, policy, labels), Ks(detail.DriftHistory, policy, labels));
    }

    /// <summary>The bin's range as the x axis shows it, e.g. "0.05–0.10".</summary>
    public static string BinLabel(ScoreBinning binning, int bin) =>
        string.Create(CultureInfo.InvariantCulture, $"{binning.LowerEdge(bin):0.00}–{binning.LowerEdge(bin + 1):0.00}");

    private static ChartSpec Histograms(DriftHistograms? histograms, DriftPolicy policy, DriftLabels labels)
    {
        var binning = histograms?.Reference.Binning ?? policy.Binning;
        var series = histograms is null
            ? []
            : new[]
            {
                Shares(labels.Reference, histograms.Reference, ReferenceColor),
                Shares(labels.Production, histograms.Production, ExperimentChartsBuilder.ProductionColor),
                Shares(labels.Staging, histograms.Staging, ExperimentChartsBuilder.StagingColor),
            }.OfType<ChartSeries>().ToList();
        return new ChartSpec(labels.HistogramTitle, labels.Score, labels.ShareOfScores, ChartUnit.Percent, series)
        {
            Categories = Enumerable.Range(0, binning.Bins).Select(i => BinLabel(binning, i)).ToList(),
            YMin = 0,
            NoData = labels.NoData,
        };
    }

    /// <summary>An empty histogram (e.g. Staging rolled back before any score) is left out rather than drawn flat at 0.</summary>
    private static ChartSeries? Shares(string name, ScoreHistogram histogram, string color) => histogram.Total == 0
        ? null
        : new ChartSeries(name, histogram.Proportions().Select((share, bin) => new ChartPoint(bin, share)).ToList(), Color: color);

    private static ChartSpec Psi(IReadOnlyList<DriftHistoryPoint> history, DriftPolicy policy, DriftLabels labels) =>
        new(labels.PsiTitle, labels.Time, labels.Psi, ChartUnit.Number, Lines(history, labels, p => p.StagingPsi, p => p.ProductionPsi))
        {
            YMin = 0,
            Thresholds =
            [
                new ChartThreshold(policy.PsiWarn, $"{labels.Warning} {policy.PsiWarn:0.###}", WarningColor),
                new ChartThreshold(policy.PsiAlert, $"{labels.Alert} {policy.PsiAlert:0.###}", AlertColor),
            ],
            NoData = labels.NoData,
        };

    private static ChartSpec Ks(IReadOnlyList<DriftHistoryPoint> history, DriftPolicy policy, DriftLabels labels)
    {
        var series = Lines(history, labels, p => Floor(p.StagingKsPValue), p => Floor(p.ProductionKsPValue));
        var smallest = series.SelectMany(s => s.Points).Select(p => p.Y ?? 1).Append(policy.KsAlpha / 10).Min();
        return new ChartSpec(labels.KsTitle, labels.Time, labels.KsPValue, ChartUnit.PValue, series)
        {
            Logarithmic = true,
            YMax = 1,
            YMin = Math.Pow(10, Math.Floor(Math.Log10(smallest))),
            Thresholds = [new ChartThreshold(policy.KsAlpha, $"{labels.Alpha} {policy.KsAlpha:0.###}", WarningColor)],
            NoData = labels.NoData,
        };
    }

    /// <summary>One line per arm against the reference; looks where a side had no scores are gaps.</summary>
    private static List<ChartSeries> Lines(IReadOnlyList<DriftHistoryPoint> history, DriftLabels labels,
        Func<DriftHistoryPoint, double?> staging, Func<DriftHistoryPoint, double?> production)
    {
        ChartSeries Line(string name, Func<DriftHistoryPoint, double?> value, string color) =>
            new(name, history.Select(point => new ChartPoint(point.At.ToUnixTimeMilliseconds(), value(point))).ToList(), Color: color);

        return history.Count == 0
            ? []
            :
            [
                Line(labels.StagingVsReference, staging, ExperimentChartsBuilder.StagingColor),
                Line(labels.ProductionVsReference, production, ExperimentChartsBuilder.ProductionColor),
            ];
    }

    private static double? Floor(double? p) => p is { } value ? Math.Max(value, ExperimentChartsBuilder.SmallestPlottedP) : null;
}
