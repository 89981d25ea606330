using System.Globalization;
using Lotte.Core.Analysis;
using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
using Lotte.Core.Statistics;

namespace Lotte.Dashboard.ViewModels;

/// <summary>
/// The decision card's content: the decision, each check (observed against threshold), the estimate of
/// units and days still needed, and what happens next. Pure and culture-aware (numbers format for the reader).
/// </summary>
public sealed record DecisionCardModel(
    Decision Decision,
    IReadOnlyList<CheckRow> Checks,
    double PolicyPValue,
    double NaivePValue,
    long? UnitsStillNeeded,
    double? DaysStillNeeded,
    NextStep Next)
{
    /// <summary>Comparisons of the prediction scores against the reference at the warning or alert level (worst first).</summary>
    public IReadOnlyList<DriftWarningRow> DriftWarnings { get; init; } = [];

    /// <summary>The policy rolls back on a drift alert (otherwise drift only warns).</summary>
    public bool RollsBackOnDrift { get; init; }

    public static DecisionCardModel From(Experiment experiment, DecisionResult result, ExperimentTotals totals, DateTimeOffset? firstData,
        DateTimeOffset now)
    {
        var (units, days) = StillNeeded(experiment, totals, firstData, now);
        return new DecisionCardModel(result.Decision, result.Checks.Select(c => Row(c, result)).ToList(),
            result.PolicyPValue, result.NaivePValue, units, days, NextStepOf(experiment, result, units, days))
        {
            DriftWarnings = DriftWarningRow.From(result),
            RollsBackOnDrift = result.Policy.Drift.RollBackOnDrift,
        };
    }

    /// <summary>
    /// Units still needed for 80% power to detect the policy's minimum lift on the observed Production rate
    /// (pooled-variance plan at the experiment's split), and days at the traffic seen since the first data.
    /// </summary>
    public static (long? Units, double? Days) StillNeeded(Experiment experiment, ExperimentTotals totals, DateTimeOffset? firstData,
        DateTimeOffset now)
    {
        var production = totals.Production.Conversion;
        var share = Core.Decisions.Evaluation.LiveDecisions.AnalysisShare(experiment);
        if (production.Units == 0 || production.Rate is <= 0 or >= 1 || share is <= 0 or >= 1)
        {
            return (null, null);
        }

        var settings = SampleSizeSettings.Default with
        {
            Alpha = experiment.Policy.Alpha,
            AllocationRatio = SampleSizeSettings.AllocationRatioForShare(share),
        };
        var plan = SampleSizeCalculator.Compute(production.Rate, experiment.Policy.MinRelativeLift, settings);
        if (plan.Error != StatisticsError.None)
        {
            return (null, null);
        }

        var needed = SampleSizeCalculator.StillNeeded(plan, totals.Staging.ExposedUnits, totals.Production.ExposedUnits, share).Total;
        var runningDays = firstData is { } first ? (now - first).TotalDays : 0;
        var perDay = runningDays > 0 ? (totals.Production.ExposedUnits + totals.Staging.ExposedUnits) / runningDays : 0;
        return (needed, perDay > 0 ? needed / perDay : null);
    }

    private static CheckRow Row(DecisionCheck check, DecisionResult result) => check.Kind switch
    {
        // With a confidence level the guard judges the lower bound, not the raw rate: show both.
        CheckKind.StagingErrorRate when result.Policy.ErrorGuardConfidence is { } confidence && check.Observed is not null => new(check.Kind,
            $"{Percent(result.Snapshot.Staging.ErrorRate.Rate, "P2")} ({Percent(confidence, "P0")} LB {Percent(check.Observed, "P2")})",
            "LB ≤ " + Percent(check.Threshold, "P1"), check.Outcome),
        CheckKind.StagingErrorRate => new(check.Kind, Percent(check.Observed, "P2"), "≤ " + Percent(check.Threshold, "P1"), check.Outcome),
        CheckKind.SampleRatio => new(check.Kind, P(check.Observed), "≥ " + P(check.Threshold), check.Outcome),
        CheckKind.MinimumUnits => new(check.Kind, Count(check.Observed), "≥ " + Count(check.Threshold), check.Outcome),
        CheckKind.RelativeLift => new(check.Kind, Signed(check.Observed), "> +" + Percent(check.Threshold, "P0"), check.Outcome),
        _ => new(check.Kind, P(check.Observed), "< " + P(check.Threshold), check.Outcome),
    };

    private static NextStep NextStepOf(Experiment experiment, DecisionResult result, long? units, double? days) => experiment.Status switch
    {
        ExperimentStatus.Promoted => new("Promoted on {0}: Staging is the new Production.", Time(experiment.EndedAt)),
        ExperimentStatus.RolledBack => new("Rolled back on {0}: Staging traffic is 0.", Time(experiment.EndedAt)),
        ExperimentStatus.Stopped => new("Stopped on {0}.", Time(experiment.EndedAt)),
        ExperimentStatus.Draft => new("Not started yet."),
        ExperimentStatus.AwaitingApproval when experiment.ApprovalMode == ApprovalMode.TwoLeads => new("Awaiting approval by an ML lead and a product lead."),
        ExperimentStatus.AwaitingApproval => new("Awaiting approval by a lead."),
        ExperimentStatus.Paused => new("Paused by a lead: decisions wait until it is resumed."),
        _ => result.Decision switch
        {
            Decision.Promote when experiment.ApprovalMode == ApprovalMode.AutoApply => new("Promotes automatically at the next look."),
            Decision.Promote => new("Goes to a lead for approval at the next look."),
            Decision.Rollback => new("Rolls back automatically at the next look (Staging traffic to 0)."),
            Decision.Halt when result.Reasons.Contains(ReasonCode.ErrorRateAboveLimitPaused) => new("Pauses for a lead at the next look."),
            Decision.Halt => new("No automatic decision until the data is checked."),
            _ when units is > 0 && days is { } d => new("Keeps testing: about {0} more units (about {1} days) to detect the minimum lift.", Count(units), d.ToString("N1", CultureInfo.CurrentCulture)),
            _ => new("Keeps testing."),
        },
    };

    private static string Time(DateTimeOffset? at) => at?.ToLocalTime().ToString("g", CultureInfo.CurrentCulture) ?? "";

    private static string Percent(double? value, string format) => value?.ToString(format, CultureInfo.CurrentCulture) ?? "–";

    private static string Signed(double? value) => value is { } v ? (v >= 0 ? "+" : "") + v.ToString("P1", CultureInfo.CurrentCulture) : "–";

    private static string Count(double? value) => value?.ToString("N0", CultureInfo.CurrentCulture) ?? "–";

    public static string P(double? value) => value switch
    {
        null => "–",
        < 0.0001 => value.Value.ToString("0.0E+0", CultureInfo.CurrentCulture),
        _ => value.Value.ToString("0.0000", CultureInfo.CurrentCulture),
    };
}
