using Bunit;
using Lotte.Core.Analysis;
using Lotte.Core.Assignment;
using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
using Lotte.Dashboard.Components.Pages.Experiments;

namespace Lotte.Dashboard.Tests.Components.Pages.Experiments;

public class ShadowComparisonTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_ShadowTest_ComparesErrorsAndLatencyPerArm()
    {
        var experiment = new Experiment("shadow", "Shadow", "undervaluation-score", "3", "4", "ml", Now) { Mode = ExperimentMode.Shadow };
        experiment.Start(Now);
        var totals = new ExperimentTotals(new ArmSnapshot(10_000, 500, 10_000, 20), new ArmSnapshot(0, 0, 8_000, 240), 0, 0, Now);
        var result = DecisionEngine.EvaluateShadow(new ExperimentSnapshot(totals.Production, totals.Staging), experiment.Policy);
        var detail = new ExperimentDetail(experiment, totals, [], [], result, null, null, [], [], Now)
        {
            ShadowLatency = [new ServingLatency(Arm.Production, 10_000, 42, 120), new ServingLatency(Arm.Staging, 8_000, 55, 310)],
        };

        var panel = Render<ShadowComparison>(p => p.Add(c => c.Detail, detail));

        var rows = panel.FindAll("[data-testid=shadow-row]");
        Assert.Equal(["Production", "Staging"], rows.Select(r => r.GetAttribute("data-arm")));
        var staging = rows[1].TextContent;
        Assert.Contains("8,000", staging);
        Assert.Contains("240", staging);
        Assert.Contains("3.00%", staging);
        Assert.Contains("55 ms", staging);
        Assert.Contains("310 ms", staging);
        Assert.Contains("42 ms", rows[0].TextContent);
    }
}
