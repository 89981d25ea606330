using Bunit;
using Lotte.Core.Analysis;
using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
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

    private static Experiment Running()
    {
        var experiment = new Experiment("exp", "Experiment", "undervaluation-score", "3", "4", "ml", Now.AddDays(-1));
        experiment.Start(Now.AddDays(-1));
        return experiment;
    }
}
