using Lotte.Core.Analysis;
using Lotte.Core.Drift;
using Lotte.Core.Experiments;

namespace Lotte.Core.Decisions.Evaluation;

/// <summary>
/// The decision the engine would take if it looked now: today's totals, the experiment's policy and
/// the state after the last persisted look, and the last drift look's prediction-score drift. Shown live by the
/// dashboard; nothing is written.
/// </summary>
public sealed class LiveDecisions(ExperimentStatisticsReader statistics, EvaluationStore evaluations, DriftStore? drifts = null)
{
    public async Task<(ExperimentTotals Totals, DecisionResult Result)> EvaluateAsync(Experiment experiment, CancellationToken cancellationToken = default)
    {
        var totals = await statistics.TotalsAsync(experiment.Id, cancellationToken);
        return (totals, await EvaluateAsync(experiment, totals, cancellationToken));
    }

    /// <summary>The look the decision evaluator takes, with the drift it has just measured (null: no prediction scores).</summary>
    public async Task<(ExperimentTotals Totals, DecisionResult Result)> EvaluateAsync(Experiment experiment, DriftAssessment? drift, CancellationToken cancellationToken)
    {
        var totals = await statistics.TotalsAsync(experiment.Id, cancellationToken);
        return (totals, await EvaluateAsync(experiment, totals, drift, cancellationToken));
    }

    /// <summary>The same look on totals the caller has just read (the experiment page reads them with its series).</summary>
    public async Task<DecisionResult> EvaluateAsync(Experiment experiment, ExperimentTotals totals, CancellationToken cancellationToken = default)
    {
        var drift = drifts is null ? null : await drifts.LatestAssessmentAsync(experiment.Id, cancellationToken);
        return await EvaluateAsync(experiment, totals, drift, cancellationToken);
    }

    private async Task<DecisionResult> EvaluateAsync(Experiment experiment, ExperimentTotals totals, DriftAssessment? drift, CancellationToken cancellationToken)
    {
        var state = await evaluations.LatestStateAsync(experiment.Id, cancellationToken);
        var snapshot = Snapshot(experiment, totals);
        var result = experiment.Mode == ExperimentMode.Shadow
            ? DecisionEngine.EvaluateShadow(snapshot, experiment.Policy, state)
            : DecisionEngine.Evaluate(snapshot, experiment.Policy, state);
        return DriftRule.Apply(result, drift);
    }

    /// <summary>The engine's input: both arms, judged against the share units were assigned with.</summary>
    public static ExperimentSnapshot Snapshot(Experiment experiment, ExperimentTotals totals) =>
        new(totals.Production, totals.Staging, AnalysisShare(experiment));

    /// <summary>
    /// After a rollback the live share is 0, but the units were exposed under the share before it; the
    /// sample-ratio check must use that one (the highest share of the run).
    /// </summary>
    public static double AnalysisShare(Experiment experiment) =>
        experiment.StagingShare > 0 ? experiment.StagingShare : experiment.StagingShareHigh;
}
