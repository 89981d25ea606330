using System.Globalization;
using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
using Lotte.Core.Statistics;

namespace Lotte.Dashboard.ViewModels;

/// <summary>One row of the experiments list, formatted for the reader's culture.</summary>
public sealed record ExperimentListRow(
    string Key, string Name, string Model, string ProductionVersion, string StagingVersion, ExperimentStatus Status,
    string Split, long Units, string UnitsText, string ConversionText, double? LiftValue, string LiftText,
    double PValue, string PValueText, Decision Decision, DateTimeOffset? LastEventAt)
{
    public static ExperimentListRow From(ExperimentOverview overview)
    {
        var (summary, totals, decision) = (overview.Summary, overview.Totals, overview.Decision);
        var production = totals.Production.Conversion;
        var staging = totals.Staging.Conversion;
        var lift = decision.Statistics?.RelativeLift;
        var hasLift = lift is { Error: StatisticsError.None } && double.IsFinite(lift.LiftLower) && double.IsFinite(lift.LiftUpper);
        return new ExperimentListRow(
            summary.Key, summary.Name, summary.ModelName, summary.ProductionVersion, summary.StagingVersion, summary.Status,
            $"{1 - summary.StagingShare:P0} / {summary.StagingShare:P0}",
            production.Units + staging.Units,
            $"{production.Units:N0} / {staging.Units:N0}",
            $"{Rate(production)} / {Rate(staging)}",
            hasLift ? lift!.Lift : null,
            hasLift ? $"{Signed(lift!.Lift)} ({Signed(lift.LiftLower)} … {Signed(lift.LiftUpper)})" : "–",
            decision.PolicyPValue, DecisionCardModel.P(decision.PolicyPValue), decision.Decision, totals.LastEventAt);
    }

    public bool Matches(string search, string? status, string? model) =>
        (string.IsNullOrWhiteSpace(search)
            || Name.Contains(search, StringComparison.CurrentCultureIgnoreCase)
            || Key.Contains(search, StringComparison.OrdinalIgnoreCase)
            || Model.Contains(search, StringComparison.OrdinalIgnoreCase))
        && (status is null || Status.ToString() == status)
        && (model is null || Model == model);

    private static string Rate(ProportionStatistic arm) => arm.Units > 0 ? arm.Rate.ToString("P2", CultureInfo.CurrentCulture) : "–";

    private static string Signed(double value) => (value >= 0 ? "+" : "") + value.ToString("P1", CultureInfo.CurrentCulture);
}
