using Lotte.Core.Analysis;
using Lotte.Core.Decisions;
using Lotte.Core.Experiments;

namespace Lotte.Dashboard.Tests;

/// <summary>Experiment overviews with real engine decisions, for component tests.</summary>
internal static class TestOverviews
{
    public static readonly DateTimeOffset Started = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public static ExperimentOverview Of(string key, ExperimentStatus status, ArmSnapshot production, ArmSnapshot staging)
    {
        var totals = new ExperimentTotals(production, staging, 0, 0, Started.AddDays(1));
        var decision = DecisionEngine.Evaluate(new ExperimentSnapshot(production, staging, 0.1), DecisionPolicy.Default);
        return new ExperimentOverview(
            new ExperimentSummary(Guid.NewGuid(), key, $"Experiment {key}", "undervaluation-score", "3", "4", status, ExperimentMode.AbTest, 0.10, Started, Started),
            totals, decision);
    }

    public static ArmSnapshot Arm(long units, long conversions, long requests = 0, long errors = 0) =>
        new(units, conversions, requests == 0 ? units : requests, errors, 0, 0);
}
