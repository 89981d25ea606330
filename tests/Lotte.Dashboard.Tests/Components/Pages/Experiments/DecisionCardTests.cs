using Bunit;
using Lotte.Core.Analysis;
using Lotte.Core.Decisions;
using Lotte.Core.Drift;
using Lotte.Core.Experiments;
using Lotte.Core.Statistics.Drift;
using Lotte.Dashboard.Components.Pages.Experiments;
using Lotte.Dashboard.ViewModels;

namespace Lotte.Dashboard.Tests.Components.Pages.Experiments;

public class DecisionCardTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<Decision, long, long, long, long, long, long> Cases => new()
    {
        // decision, production units/conversions/errors, staging units/conversions/errors (requests = units)
        { Decision.Promote, 90_000, 4_500, 90, 10_000, 650, 10 },
        { Decision.Rollback, 9_000, 450, 9, 1_000, 50, 40 },
        { Decision.KeepTesting, 9_000, 450, 9, 1_000, 51, 2 },
        { Decision.Halt, 9_700, 485, 9, 300, 15, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_EachDecision_ShowsBadgeEveryCheckAndTheExplanation(Decision expected, long pu, long pc, long pe, long su, long sc, long se)
    {
        var experiment = Running();
        var totals = new ExperimentTotals(new(pu, pc, pu, pe, 0, 0), new(su, sc, su, se, 0, 0), 0, 0, Now);
        var result = DecisionEngine.Evaluate(new ExperimentSnapshot(totals.Production, totals.Staging, 0.1), experiment.Policy);
        Assert.Equal(expected, result.Decision);

        var card = Render<DecisionCard>(p => p
            .Add(c => c.Card, DecisionCardModel.From(experiment, result, totals, Now.AddDays(-1), Now))
            .Add(c => c.Result, result));

        Assert.Equal(expected.ToString(), card.Find("[data-testid=decision-badge]").GetAttribute("data-decision"));
        var checks = card.FindAll("[data-testid=decision-check]");
        Assert.Equal(result.Checks.Select(c => c.Kind.ToString()), checks.Select(c => c.GetAttribute("data-check")));
        Assert.Equal(result.Checks.Select(c => c.Outcome.ToString()), checks.Select(c => c.GetAttribute("data-outcome")));
        Assert.False(string.IsNullOrWhiteSpace(card.Find("[data-testid=decision-explanation]").TextContent));
        Assert.False(string.IsNullOrWhiteSpace(card.Find("[data-testid=decision-next]").TextContent));
    }

    [Fact]
    public void Render_DriftAlertWithoutRollBackOnDrift_ShowsTheWarningWithItsNumbersAndKeepsTheDecision()
    {
        var experiment = Running();
        var totals = new ExperimentTotals(new(9_000, 450, 9_000, 9, 0, 0), new(1_000, 51, 1_000, 2, 0, 0), 0, 0, Now);
        var result = DriftRule.Apply(DecisionEngine.Evaluate(new ExperimentSnapshot(totals.Production, totals.Staging, 0.1), experiment.Policy),
            Drift(experiment.Policy.Drift));

        var card = Render<DecisionCard>(p => p
            .Add(c => c.Card, DecisionCardModel.From(experiment, result, totals, Now.AddDays(-1), Now))
            .Add(c => c.Result, result));

        Assert.Equal(nameof(Decision.KeepTesting), card.Find("[data-testid=decision-badge]").GetAttribute("data-decision"));
        var warning = Assert.Single(card.FindAll("[data-testid=drift-warning]"));
        Assert.Equal((nameof(DriftLevel.Alert), nameof(DriftComparisonKind.StagingVsReference)),
            (warning.GetAttribute("data-level"), warning.GetAttribute("data-comparison")));
        var psi = result.Drift!.Of(DriftComparisonKind.StagingVsReference)!.Numbers.Psi;
        Assert.Contains($"PSI {psi:0.00#} (warning at 0.10, alert at 0.25)", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("does not roll back on drift", warning.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoDrift_ShowsNoDriftWarning()
    {
        var experiment = Running();
        var totals = new ExperimentTotals(new(9_000, 450, 9_000, 9, 0, 0), new(1_000, 51, 1_000, 2, 0, 0), 0, 0, Now);
        var steady = Histogram(0, 10);
        var drift = DriftAssessment.Assess(new DriftHistograms(steady, steady, steady, DriftReferenceKind.ExperimentStart, Now, Now), experiment.Policy.Drift, Now);
        var result = DriftRule.Apply(DecisionEngine.Evaluate(new ExperimentSnapshot(totals.Production, totals.Staging, 0.1), experiment.Policy), drift);

        var card = Render<DecisionCard>(p => p
            .Add(c => c.Card, DecisionCardModel.From(experiment, result, totals, Now.AddDays(-1), Now))
            .Add(c => c.Result, result));

        Assert.Empty(card.FindAll("[data-testid=drift-warning]"));
    }

    /// <summary>Reference and Production over the lower half of the bins, Staging over the upper half.</summary>
    private static DriftAssessment Drift(DriftPolicy policy) => DriftAssessment.Assess(
        new DriftHistograms(Histogram(0, 10), Histogram(0, 10), Histogram(10, 20), DriftReferenceKind.ExperimentStart, Now.AddDays(-1), Now),
        policy, Now);

    private static ScoreHistogram Histogram(int fromBin, int toBin) =>
        new(ScoreBinning.Default, Enumerable.Range(0, 20).Select(i => i >= fromBin && i < toBin ? 100L : 0).ToArray());

    private static Experiment Running()
    {
        var experiment = new Experiment("exp", "Experiment", "undervaluation-score", "3", "4", "ml", Now.AddDays(-1));
        experiment.Start(Now.AddDays(-1));
        return experiment;
    }
}
