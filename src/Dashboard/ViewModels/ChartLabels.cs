using Lotte.Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace Lotte.Dashboard.ViewModels;

/// <summary>The localized words the chart builder needs (so the builder itself stays a pure function).</summary>
public sealed record ChartLabels(
    string Production, string Staging, string Interval, string Time, string ConversionTitle, string ConversionRate,
    string PValueTitle, string PValue, string PolicyP, string NaiveP, string Alpha,
    string ErrorTitle, string ErrorRate, string ErrorLimit, string RolledBack,
    string LiftTitle, string Lift, string MinimumLift, string SampleTitle, string Units, string Expected, string NoData)
{
    public static ChartLabels From(IStringLocalizer<SharedResource> l) => new(
        l["Production"], l["Staging"], l["95% interval"], l["Time"], l["Cumulative conversion rate"], l["Conversion rate"],
        l["p-value over time"], l["p-value (log scale)"], l["Policy p-value"], l["Naive p-value (peeking)"], l["Significance level"],
        l["Error rate"], l["Error rate"], l["Error limit"], l["Rolled back"],
        l["Relative lift of Staging"], l["Lift"], l["Minimum lift"], l["Exposed units per arm"], l["Units"], l["Expected Staging units"], l["No data yet"]);
}
