using Lotte.Dashboard.Components.Charts;

namespace Lotte.Dashboard.ViewModels;

/// <summary>The five charts of the experiment page.</summary>
public sealed record ExperimentCharts(ChartSpec Conversion, ChartSpec PValue, ChartSpec ErrorRate, ChartSpec Lift, ChartSpec SampleRatio);
