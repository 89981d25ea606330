using Lotte.Core.Assignment;
using Lotte.Core.Decisions;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Analysis;

/// <summary>
/// Reads the per-minute sufficient statistics of an experiment: its totals now, and a cumulative series
/// downsampled in PostgreSQL to at most a few hundred points however long the experiment ran.
/// Raw events are never read.
/// </summary>
public sealed class ExperimentStatisticsReader(IDbContextFactory<LotteDbContext> contexts)
{
    public const int DefaultMaxPoints = 300;

    private static readonly ArmSnapshot Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>Both arms' sums over the whole run. {0}: the experiment. Internal so benchmarks time exactly this SQL.</summary>
    internal const string TotalsSql = $$"""
        SELECT arm AS arm, NULL::timestamptz AS at, {{Sums}}
        FROM arm_statistics WHERE experiment_id = {0} GROUP BY arm
        """;

    /// <summary>Both arms' sums per bin of {1} starting at {2}, in time order. {0}: the experiment.</summary>
    internal const string SeriesSql = $$"""
        SELECT arm AS arm, date_bin({1}, bucket_start, {2}) AS at, {{Sums}}
        FROM arm_statistics WHERE experiment_id = {0}
        GROUP BY 1, 2 ORDER BY 2
        """;

    /// <summary>
    /// First and last bucket of the run. Per arm, so that each end is one probe of the primary key
    /// (experiment, arm, bucket) instead of a scan of every bucket. {0}: the experiment, {1}: the arms.
    /// </summary>
    private const string RangeSql = """
        SELECT min(r.first) AS first, max(r.last) AS last
        FROM unnest({1}::text[]) AS arms(arm)
        CROSS JOIN LATERAL (SELECT min(bucket_start) AS first, max(bucket_start) AS last
                            FROM arm_statistics WHERE experiment_id = {0} AND arm = arms.arm) r
        """;

    private const string Sums = """
        sum(exposed_units)::bigint AS exposed, sum(converted_units)::bigint AS converted,
               sum(requests)::bigint AS requests, sum(errors)::bigint AS errors,
               sum(value_sum)::float8 AS value_sum, sum(value_sum_of_squares)::float8 AS value_sum_of_squares
        """;

    public async Task<ExperimentTotals> TotalsAsync(Guid experimentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var arms = await db.Database.SqlQueryRaw<BucketRow>(TotalsSql, experimentId).ToListAsync(cancellationToken);
        return await TotalsAsync(db, experimentId, Snapshot(arms, Arm.Production), Snapshot(arms, Arm.Staging), cancellationToken);
    }

    /// <summary>
    /// The totals and the series from one pass over the buckets: the totals are the series' last point. The page's
    /// numbers and its charts then come from the same snapshot, and PostgreSQL sums every bucket once, not twice.
    /// </summary>
    public async Task<(ExperimentTotals Totals, IReadOnlyList<ArmSeriesPoint> Series)> TotalsAndSeriesAsync(Guid experimentId,
        int maxPoints = DefaultMaxPoints, CancellationToken cancellationToken = default)
    {
        var series = await SeriesAsync(experimentId, maxPoints, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var totals = await TotalsAsync(db, experimentId, series.Count > 0 ? series[^1].Production : Zero, series.Count > 0 ? series[^1].Staging : Zero,
            cancellationToken);
        return (totals, series);
    }

    public async Task<IReadOnlyList<ArmSeriesPoint>> SeriesAsync(Guid experimentId, int maxPoints = DefaultMaxPoints,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var range = await db.Database.SqlQueryRaw<RangeRow>(RangeSql, experimentId, Enum.GetNames<Arm>()).SingleAsync(cancellationToken);
        if (range is not { First: { } origin, Last: { } last })
        {
            return [];
        }

        var width = BinWidth(last - origin, maxPoints);
        var rows = await db.Database.SqlQueryRaw<BucketRow>(SeriesSql, experimentId, width, origin).ToListAsync(cancellationToken);
        return Accumulate(rows, width);
    }

    /// <summary>Whole minutes, wide enough that the series has at most <paramref name="maxPoints"/> points.</summary>
    internal static TimeSpan BinWidth(TimeSpan span, int maxPoints)
    {
        var minutes = Math.Max(1, (long)Math.Ceiling((span.TotalMinutes + 1) / Math.Max(1, maxPoints)));
        return TimeSpan.FromMinutes(minutes);
    }

    private static List<ArmSeriesPoint> Accumulate(IEnumerable<BucketRow> rows, TimeSpan width)
    {
        var points = new List<ArmSeriesPoint>();
        var production = Zero;
        var staging = Zero;
        foreach (var bin in rows.GroupBy(r => r.At!.Value))
        {
            foreach (var row in bin)
            {
                if (row.Arm == nameof(Arm.Staging))
                {
                    staging = Add(staging, row);
                }
                else
                {
                    production = Add(production, row);
                }
            }

            points.Add(new ArmSeriesPoint(bin.Key + width, production, staging));
        }

        return points;
    }

    /// <summary>Both arms' sums with the counters that belong to no arm.</summary>
    private static async Task<ExperimentTotals> TotalsAsync(LotteDbContext db, Guid experimentId, ArmSnapshot production, ArmSnapshot staging,
        CancellationToken cancellationToken)
    {
        var counters = await db.IngestionTotals.AsNoTracking().SingleOrDefaultAsync(t => t.ExperimentId == experimentId, cancellationToken);
        return new ExperimentTotals(production, staging,
            counters?.UnattributedConversions ?? 0, counters?.UnitsInBothArms ?? 0, counters?.LastEventAt);
    }

    private static ArmSnapshot Add(ArmSnapshot arm, BucketRow row) => new(
        arm.ExposedUnits + row.Exposed, arm.ConvertedUnits + row.Converted, arm.Requests + row.Requests, arm.Errors + row.Errors,
        arm.ValueSum + row.ValueSum, arm.ValueSumOfSquares + row.ValueSumOfSquares);

    private static ArmSnapshot Snapshot(IEnumerable<BucketRow> rows, Arm arm) =>
        rows.Where(r => r.Arm == arm.ToString()).Select(r => Add(Zero, r)).SingleOrDefault() ?? Zero;

    private sealed record RangeRow(DateTimeOffset? First, DateTimeOffset? Last);

    private sealed record BucketRow(string Arm, DateTimeOffset? At, long Exposed, long Converted, long Requests, long Errors,
        double ValueSum, double ValueSumOfSquares);
}
