namespace Lotte.Core.Ingestion.Projection;

/// <summary>
/// How far the projector has read raw_events, in (transaction id, row id) order: every raw event at or
/// before this position is in units, statistics and totals, and none after it. Advanced in the same
/// transaction as the rows it projected, so a projection is applied exactly once. One row.
/// </summary>
public sealed class ProjectionCheckpoint
{
    public const int SingleRowId = 1;

    public int Id { get; set; } = SingleRowId;

    /// <summary><c>pg_current_xact_id()</c> of the transaction that stored the last projected raw event.</summary>
    public ulong LastTransactionId { get; set; }

    public long LastRawEventId { get; set; }
    public DateTimeOffset? ProjectedAt { get; set; }
}
