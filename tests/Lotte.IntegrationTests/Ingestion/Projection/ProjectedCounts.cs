using Npgsql;

namespace Lotte.IntegrationTests.Ingestion.Projection;

/// <summary>What the projector maintains for one experiment, summed over arms and minutes.</summary>
internal sealed record ProjectedCounts(long Units, long ExposedUnits, long ConvertedUnits, long Requests, long Errors, long EventsAccepted)
{
    public static ProjectedCounts ForBatches(int batches, int unitsPerBatch) => new(
        batches * (long)unitsPerBatch,
        batches * (long)unitsPerBatch,
        batches * (long)((unitsPerBatch + 4) / 5),
        batches * (long)(unitsPerBatch + ((unitsPerBatch + 9) / 10)),
        batches * (long)((unitsPerBatch + 9) / 10),
        batches * RawEventSql.EventsPerBatch(unitsPerBatch));

    public static async Task<ProjectedCounts> ReadAsync(string connectionString, Guid experimentId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM units WHERE experiment_id = $1),
                   COALESCE(sum(exposed_units), 0)::bigint, COALESCE(sum(converted_units), 0)::bigint,
                   COALESCE(sum(requests), 0)::bigint, COALESCE(sum(errors), 0)::bigint,
                   COALESCE((SELECT events_accepted FROM ingestion_totals WHERE experiment_id = $1), 0)
            FROM arm_statistics WHERE experiment_id = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = experimentId });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new ProjectedCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5));
    }
}
