using Lotte.Core.Assignment;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry;
using Lotte.Core.Persistence;
using Lotte.Core.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Monitoring;

/// <summary>
/// Reads everything the operations metrics report in five queries, whatever the number of experiments: the live
/// experiments, their per-arm totals, their ingestion totals, the engine's state after each one's last look, and
/// the registry outbox's backlog. Each experiment's decision is the live one the dashboard shows.
/// </summary>
public sealed class OperationsSnapshotReader(IDbContextFactory<LotteDbContext> contexts, TimeProvider time)
{
    private static readonly ArmSnapshot NoData = new(0, 0, 0, 0, 0, 0);

    public async Task<OperationsSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var experiments = await db.Experiments.AsNoTracking()
            .Where(e => e.Status == ExperimentStatus.Running || e.Status == ExperimentStatus.AwaitingApproval || e.Status == ExperimentStatus.Paused)
            .OrderBy(e => e.Key)
            .ToListAsync(cancellationToken);
        var ids = experiments.Select(e => e.Id).ToArray();
        var arms = await db.Database.SqlQuery<ArmRow>($"""
            SELECT experiment_id AS experiment_id, arm AS arm, sum(exposed_units)::bigint AS exposed, sum(converted_units)::bigint AS converted,
                   sum(requests)::bigint AS requests, sum(errors)::bigint AS errors,
                   sum(value_sum)::float8 AS value_sum, sum(value_sum_of_squares)::float8 AS value_sum_of_squares
            FROM arm_statistics WHERE experiment_id = ANY({ids}) GROUP BY experiment_id, arm
            """).ToListAsync(cancellationToken);
        var lastEvents = await db.IngestionTotals.AsNoTracking()
            .Where(t => ids.Contains(t.ExperimentId))
            .ToDictionaryAsync(t => t.ExperimentId, t => t.LastEventAt, cancellationToken);
        var states = await db.Database.SqlQuery<StateRow>($"""
            SELECT DISTINCT ON (experiment_id) experiment_id AS experiment_id, result_json AS result_json
            FROM decision_evaluations WHERE experiment_id = ANY({ids}) ORDER BY experiment_id, id DESC
            """).ToDictionaryAsync(s => s.ExperimentId, s => EvaluationStore.ReadState(s.ResultJson), cancellationToken);
        var outbox = await db.RegistryOutbox.AsNoTracking()
            .Where(c => c.Status != RegistryChangeStatus.Applied)
            .GroupBy(c => new { c.ModelName, c.Status })
            .Select(g => new { g.Key.ModelName, g.Key.Status, Entries = g.LongCount(), Retrying = g.LongCount(c => c.Attempts > 0) })
            .ToListAsync(cancellationToken);

        var gauges = experiments.Select(e => Gauges(e,
            ArmTotals(arms, e.Id, Arm.Production), ArmTotals(arms, e.Id, Arm.Staging),
            states.GetValueOrDefault(e.Id), lastEvents.GetValueOrDefault(e.Id))).ToList();
        var backlog = outbox
            .Select(o => new OutboxBacklog(o.ModelName, o.Status.ToString().ToLowerInvariant(), o.Entries, o.Retrying))
            .OrderBy(o => o.Model, StringComparer.Ordinal).ThenBy(o => o.Status, StringComparer.Ordinal)
            .ToList();
        return new OperationsSnapshot(time.GetUtcNow(), gauges, backlog);
    }

    private static ExperimentGauges Gauges(Experiment experiment, ArmSnapshot production, ArmSnapshot staging,
        SequentialState? state, DateTimeOffset? lastEventAt)
    {
        var policy = experiment.Policy;
        var result = DecisionEngine.Evaluate(new ExperimentSnapshot(production, staging, LiveDecisions.AnalysisShare(experiment)), policy, state);
        var judged = Math.Min(production.ExposedUnits, staging.ExposedUnits) >= policy.SampleRatioMismatch.MinimumUnitsPerArm;
        var sampleRatioP = result.Statistics?.SampleRatio.PValue is { } p && judged && double.IsFinite(p) ? p : (double?)null;
        return new ExperimentGauges(
            experiment.Key, experiment.ModelName, experiment.Status, production, staging, result.Decision,
            double.IsFinite(result.PolicyPValue) ? result.PolicyPValue : 1, sampleRatioP, policy.SampleRatioMismatch.Alpha,
            policy.MaxStagingErrorRate, experiment.StartedAt, lastEventAt,
            experiment.Status == ExperimentStatus.AwaitingApproval ? experiment.AwaitingApprovalSince : null);
    }

    private static ArmSnapshot ArmTotals(List<ArmRow> rows, Guid experimentId, Arm arm) =>
        rows.Where(r => r.ExperimentId == experimentId && r.Arm == arm.ToString())
            .Select(r => new ArmSnapshot(r.Exposed, r.Converted, r.Requests, r.Errors, r.ValueSum, r.ValueSumOfSquares))
            .SingleOrDefault() ?? NoData;

    private sealed record ArmRow(Guid ExperimentId, string Arm, long Exposed, long Converted, long Requests, long Errors,
        double ValueSum, double ValueSumOfSquares);

    private sealed record StateRow(Guid ExperimentId, string ResultJson);
}
