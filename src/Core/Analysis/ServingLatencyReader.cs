using Lotte.Core.Assignment;
using Lotte.Core.Ingestion;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lotte.Core.Analysis;

/// <summary>
/// The latency comparison of a shadow test (ADR-008: only errors and latency are compared): Production's answers
/// (exposures and errors with <c>latencyMs</c>) against Staging's mirrored ones (<c>shadowResult</c>) over the last
/// <see cref="Window"/>. Read from raw events through the (experiment, type, time) index, bounded by the window.
/// </summary>
public sealed class ServingLatencyReader(IDbContextFactory<LotteDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private const string LatencySql = """
        SELECT arm,
               count(*) AS answers,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS median_ms,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95ms
        FROM raw_events
        WHERE experiment_id = @experiment AND type = ANY(@types) AND occurred_at >= @since AND latency_ms IS NOT NULL AND arm IS NOT NULL
        GROUP BY arm
        """;

    public async Task<IReadOnlyList<ServingLatency>> RecentAsync(Guid experimentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        string[] types = [nameof(EventType.Exposure), nameof(EventType.Error), nameof(EventType.ShadowResult)]; // enums are stored by name
        var rows = await db.Database
            .SqlQueryRaw<LatencyRow>(LatencySql,
                new NpgsqlParameter("experiment", experimentId), new NpgsqlParameter("types", types),
                new NpgsqlParameter("since", time.GetUtcNow() - Window))
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ServingLatency(Enum.Parse<Arm>(r.Arm), r.Answers, r.MedianMs, r.P95Ms)).OrderBy(l => l.Arm).ToList();
    }

    private sealed record LatencyRow(string Arm, long Answers, double MedianMs, double P95Ms);
}
