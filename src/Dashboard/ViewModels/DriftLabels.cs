using Lotte.Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace Lotte.Dashboard.ViewModels;

/// <summary>The localized words the drift charts need (so <see cref="DriftChartsBuilder"/> stays a pure function).</summary>
public sealed record DriftLabels(
    string HistogramTitle, string Score, string ShareOfScores, string Reference, string Production, string Staging,
    string PsiTitle, string Psi, string Warning, string Alert, string KsTitle, string KsPValue, string Alpha,
    string StagingVsReference, string ProductionVsReference, string StagingVsProduction, string Time, string NoData)
{
    public static DriftLabels From(IStringLocalizer<SharedResource> l) => new(
        l["Score distribution per arm"], l["Score"], l["Share of scores"], l["Reference"], l["Production"], l["Staging"],
        l["PSI over time"], l["PSI"], l["Warning"], l["Alert"],
        l["KS p-value over time"], l["KS p-value (log scale)"], l["Significance level"],
        l["Staging vs reference"], l["Production vs reference"], l["Staging vs Production"], l["Time"], l["No data yet"]);
}
