using System.Text.Json;
using Lotte.Core.Persistence;
using Lotte.Core.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Decisions.Evaluation;

/// <summary>Persists each look of the decision engine with its inputs, and reads the history back.</summary>
public sealed class EvaluationStore(IDbContextFactory<LotteDbContext> contexts)
{
    public static DecisionEvaluation ToRow(Guid experimentId, DecisionResult result, DateTimeOffset at) => new()
    {
        ExperimentId = experimentId,
        EvaluatedAt = at,
        PolicyKind = result.Policy.Kind.ToString(),
        Decision = result.Decision.ToString(),
        NaivePValue = double.IsFinite(result.NaivePValue) ? result.NaivePValue : null,
        PolicyPValue = double.IsFinite(result.PolicyPValue) ? result.PolicyPValue : null,
        InputsJson = JsonSerializer.Serialize(new { result.Snapshot, result.Policy }, DecisionJson.Options),
        ResultJson = JsonSerializer.Serialize(result, DecisionJson.Options),
    };

    /// <summary>The always-valid p-value's running state after the last persisted look (the start state if none).</summary>
    public async Task<SequentialState> LatestStateAsync(Guid experimentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.DecisionEvaluations.AsNoTracking()
            .Where(e => e.ExperimentId == experimentId)
            .OrderByDescending(e => e.Id)
            .Select(e => e.ResultJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? SequentialState.Initial : ReadState(json);
    }

    public async Task<DateTimeOffset?> LatestLookAsync(Guid experimentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DecisionEvaluations.Where(e => e.ExperimentId == experimentId)
            .MaxAsync(e => (DateTimeOffset?)e.EvaluatedAt, cancellationToken);
    }

    /// <summary>Up to <paramref name="maxPoints"/> looks, evenly thinned out over the whole history (always with the last).</summary>
    public async Task<IReadOnlyList<DecisionLook>> HistoryAsync(Guid experimentId, int maxPoints, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var count = await db.DecisionEvaluations.CountAsync(e => e.ExperimentId == experimentId, cancellationToken);
        var step = Math.Max(1, (int)Math.Ceiling(count / (double)Math.Max(1, maxPoints)));

        // Only columns of ix_decision_evaluations_experiment_id_id: an index-only scan, the JSON rows are never read.
        var rows = await db.Database.SqlQuery<LookRow>($"""
            SELECT evaluated_at AS at, decision AS decision, naive_p_value AS naive_p_value, policy_p_value AS policy_p_value
            FROM (SELECT evaluated_at, decision, naive_p_value, policy_p_value, row_number() OVER (ORDER BY id DESC) - 1 AS back
                  FROM decision_evaluations WHERE experiment_id = {experimentId}) looks
            WHERE back % {step} = 0
            ORDER BY evaluated_at
            """).ToListAsync(cancellationToken);
        return rows.Select(r => new DecisionLook(r.At, Enum.Parse<Decision>(r.Decision), r.NaivePValue ?? 1, r.PolicyPValue ?? 1)).ToList();
    }

    internal static SequentialState ReadState(string resultJson)
    {
        using var document = JsonDocument.Parse(resultJson);
        return document.RootElement.TryGetProperty("sequentialState", out var state)
            ? state.Deserialize<SequentialState>(DecisionJson.Options) ?? SequentialState.Initial
            : SequentialState.Initial;
    }

    private sealed record LookRow(DateTimeOffset At, string Decision, double? NaivePValue, double? PolicyPValue);
}
