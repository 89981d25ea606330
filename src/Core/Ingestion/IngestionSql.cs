namespace Lotte.Core.Ingestion;

/// <summary>
/// The set-based statements of ingestion: the raw insert of a request, and the upserts of the projector.
/// Rows are upserted in key order so that concurrent writers lock them in the same order and cannot deadlock.
/// </summary>
internal static class IngestionSql
{
    public const string ChangeChannel = "lotte_experiment_changed";

    /// <summary>The idempotency step: only events never seen before come back, and only those are counted.</summary>
    public const string InsertRawEvents = """
        INSERT INTO raw_events (experiment_id, event_id, type, unit_pseudonym, arm, occurred_at, received_at,
                                value, error_kind, score, latency_ms, encrypted_attributes)
        SELECT $1, e.event_id, e.type, e.unit_pseudonym, e.arm, e.occurred_at, $2, e.value, e.error_kind, e.score, e.latency_ms, e.attributes
        FROM unnest($3::text[], $4::text[], $5::bytea[], $6::text[], $7::timestamptz[], $8::numeric[], $9::text[],
                    $10::float8[], $11::float8[], $12::bytea[])
             AS e(event_id, type, unit_pseudonym, arm, occurred_at, value, error_kind, score, latency_ms, attributes)
        ON CONFLICT (experiment_id, event_id) DO NOTHING
        RETURNING event_id
        """;

    /// <summary>
    /// New units are inserted with the arm of their earliest exposure; an existing unit keeps its arm and is
    /// flagged once when seen in the other arm. Returns inserted rows and rows whose flag flipped.
    /// </summary>
    public const string UpsertUnits = """
        INSERT INTO units (experiment_id, unit_pseudonym, arm, first_exposure_at, conversion_value, seen_in_both_arms)
        SELECT $1, u.pseudonym, u.arm, u.first_exposure_at, 0, u.both_arms
        FROM unnest($2::bytea[], $3::text[], $4::timestamptz[], $5::boolean[]) AS u(pseudonym, arm, first_exposure_at, both_arms)
        ORDER BY u.pseudonym
        ON CONFLICT (experiment_id, unit_pseudonym) DO UPDATE SET seen_in_both_arms = TRUE
            WHERE NOT units.seen_in_both_arms AND (units.arm <> EXCLUDED.arm OR EXCLUDED.seen_in_both_arms)
        RETURNING unit_pseudonym, arm, first_exposure_at, (xmax = 0) AS inserted, seen_in_both_arms
        """;

    /// <summary>Conversions projected before their unit's first exposure was (at or before the checkpoint $3, $4).</summary>
    public const string EarlierConversions = """
        SELECT unit_pseudonym, occurred_at, value
        FROM raw_events
        WHERE experiment_id = $1 AND type = 'Conversion' AND unit_pseudonym = ANY($2) AND (transaction_id, id) <= ($3, $4)
        """;

    public const string LockUnits = """
        SELECT unit_pseudonym, arm, first_exposure_at, first_conversion_at, conversion_value
        FROM units
        WHERE experiment_id = $1 AND unit_pseudonym = ANY($2)
        ORDER BY unit_pseudonym
        FOR UPDATE
        """;

    public const string UpdateUnitConversions = """
        UPDATE units SET first_conversion_at = u.first_conversion_at, conversion_value = u.conversion_value
        FROM unnest($2::bytea[], $3::timestamptz[], $4::numeric[]) AS u(pseudonym, first_conversion_at, conversion_value)
        WHERE units.experiment_id = $1 AND units.unit_pseudonym = u.pseudonym
        """;

    public const string UpsertArmStatistics = """
        INSERT INTO arm_statistics (experiment_id, arm, bucket_start, exposed_units, converted_units, requests, errors,
                                    value_sum, value_sum_of_squares)
        SELECT $1, s.arm, s.bucket_start, s.exposed_units, s.converted_units, s.requests, s.errors, s.value_sum, s.value_sum_of_squares
        FROM unnest($2::text[], $3::timestamptz[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::numeric[], $9::float8[])
             AS s(arm, bucket_start, exposed_units, converted_units, requests, errors, value_sum, value_sum_of_squares)
        ORDER BY s.arm, s.bucket_start
        ON CONFLICT (experiment_id, arm, bucket_start) DO UPDATE SET
            exposed_units = arm_statistics.exposed_units + EXCLUDED.exposed_units,
            converted_units = arm_statistics.converted_units + EXCLUDED.converted_units,
            requests = arm_statistics.requests + EXCLUDED.requests,
            errors = arm_statistics.errors + EXCLUDED.errors,
            value_sum = arm_statistics.value_sum + EXCLUDED.value_sum,
            value_sum_of_squares = arm_statistics.value_sum_of_squares + EXCLUDED.value_sum_of_squares
        """;

    public const string UpsertTotals = """
        INSERT INTO ingestion_totals (experiment_id, events_accepted, events_duplicate, unattributed_conversions, units_in_both_arms, last_event_at)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (experiment_id) DO UPDATE SET
            events_accepted = ingestion_totals.events_accepted + EXCLUDED.events_accepted,
            events_duplicate = ingestion_totals.events_duplicate + EXCLUDED.events_duplicate,
            unattributed_conversions = ingestion_totals.unattributed_conversions + EXCLUDED.unattributed_conversions,
            units_in_both_arms = ingestion_totals.units_in_both_arms + EXCLUDED.units_in_both_arms,
            last_event_at = GREATEST(ingestion_totals.last_event_at, EXCLUDED.last_event_at)
        """;

    /// <summary>Delivered on commit only; PostgreSQL folds identical notifications of one transaction.</summary>
    public const string Notify = "SELECT pg_notify('" + ChangeChannel + "', $1)";

    public const string NotifyStored = "SELECT pg_notify('" + Projection.ProjectionSql.EventsStoredChannel + "', '')";
}
