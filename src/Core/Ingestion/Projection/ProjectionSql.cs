namespace Lotte.Core.Ingestion.Projection;

/// <summary>
/// The projector's statements. Raw events are read in (transaction_id, id) order, and only those of
/// transactions older than the oldest one still running: such a transaction can no longer commit rows, so
/// nothing can appear behind the checkpoint later, whatever order concurrent batches took ids and committed in.
/// </summary>
internal static class ProjectionSql
{
    /// <summary>Sent by each ingestion transaction that stored new events; wakes the projector on every replica.</summary>
    public const string EventsStoredChannel = "lotte_events_stored";

    public const string EnsureCheckpoint = """
        INSERT INTO projection_checkpoints (id, last_transaction_id, last_raw_event_id) VALUES (1, '0', 0)
        ON CONFLICT (id) DO NOTHING
        """;

    /// <summary>The row lock also serialises projectors should two ever run at once.</summary>
    public const string LockCheckpoint = """
        SELECT last_transaction_id, last_raw_event_id FROM projection_checkpoints WHERE id = 1 FOR UPDATE
        """;

    /// <summary>Visibility and xmin come from the same statement snapshot: every row of a transaction below xmin is visible.</summary>
    public const string NextEvents = """
        SELECT id, transaction_id, experiment_id, type, unit_pseudonym, arm, occurred_at, value, error_kind
        FROM raw_events
        WHERE (transaction_id, id) > ($1, $2) AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY transaction_id, id
        LIMIT $3
        """;

    public const string AdvanceCheckpoint = """
        UPDATE projection_checkpoints SET last_transaction_id = $1, last_raw_event_id = $2, projected_at = $3 WHERE id = 1
        """;

    /// <summary>True when no committed raw event lies beyond the checkpoint.</summary>
    public const string CaughtUp = """
        SELECT NOT EXISTS (
            SELECT 1 FROM raw_events
            WHERE (transaction_id, id) > (
                COALESCE((SELECT last_transaction_id FROM projection_checkpoints WHERE id = 1), '0'),
                COALESCE((SELECT last_raw_event_id FROM projection_checkpoints WHERE id = 1), 0)))
        """;
}
