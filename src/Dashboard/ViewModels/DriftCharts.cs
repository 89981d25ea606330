using Lotte.Dashboard.Components.Charts;

namespace Lotte.Dashboard.ViewModels;

/// <summary>The drift panel's three charts: the overlaid score histograms, PSI over time and the KS p-value over time.</summary>
public sealed record DriftCharts(ChartSpec Histograms, ChartSpec Psi, ChartSpec KsPValue);
