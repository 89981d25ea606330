using Npgsql;

namespace Lotte.IntegrationTests.Ingestion.Projection;

/// <summary>Writes raw events straight into raw_events, as an ingestion transaction does, on a connection the test controls.</summary>
internal static class RawEventSql
{
    /// <summary>
    /// One batch "<paramref name="batch"/>": an exposure for each of <paramref name="units"/> new units (one in ten to Staging),
    /// a conversion of every fifth unit a minute later, and one production error per ten units.
    /// </summary>
    public static async Task InsertBatchAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid experimentId,
        string batch, int units)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO raw_events (experiment_id, event_id, type, unit_pseudonym, arm, occurred_at, received_at, value, error_kind)
            SELECT $1, $2 || '-x' || i, 'Exposure', sha256(convert_to($2 || '-u' || i, 'UTF8')),
                   CASE WHEN i % 10 = 0 THEN 'Staging' ELSE 'Production' END, now() - interval '10 minutes', now(), NULL, NULL
            FROM generate_series(0, $3 - 1) AS i
            UNION ALL
            SELECT $1, $2 || '-c' || i, 'Conversion', sha256(convert_to($2 || '-u' || i, 'UTF8')), NULL,
                   now() - interval '9 minutes', now(), 1000, NULL
            FROM generate_series(0, $3 - 1, 5) AS i
            UNION ALL
            SELECT $1, $2 || '-e' || i, 'Error', ''::bytea, 'Production', now() - interval '10 minutes', now(), NULL, 'timeout'
            FROM generate_series(0, $3 - 1, 10) AS i
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = experimentId });
        command.Parameters.Add(new NpgsqlParameter { Value = batch });
        command.Parameters.Add(new NpgsqlParameter { Value = units });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Events of one batch of <paramref name="units"/> units as <see cref="InsertBatchAsync"/> writes it.</summary>
    public static long EventsPerBatch(int units) => units + ((units + 4) / 5) + ((units + 9) / 10);
}
