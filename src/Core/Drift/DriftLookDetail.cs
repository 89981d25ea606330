namespace Lotte.Core.Drift;

/// <summary>The latest drift look as the experiment page shows it: the judged comparisons and the histograms behind them.</summary>
public sealed record DriftLookDetail(DriftAssessment Assessment, DriftHistograms Histograms);
