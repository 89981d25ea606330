using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Lotte.LoadTest;

/// <summary>
/// PostgreSQL's own bulk path: the rows the API stored, read back and written again with binary COPY into
/// raw_events for another experiment, one COPY per batch, with as many connections as the API had clients.
/// </summary>
public sealed class CopyLoad(string connectionString)
{
    private const string Copy = """
        COPY raw_events (experiment_id, event_id, type, unit_pseudonym, arm, occurred_at, received_at, value, error_kind,
                         score, latency_ms, encrypted_attributes) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>The rows of the given batches of the experiment, grouped by batch (event ids are "batch-…").</summary>
    public async Task<List<RawEventRow[]>> ReadBatchesAsync(Guid experimentId, IReadOnlyList<string> batchIds)
    {
        var rows = new List<RawEventRow>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT event_id, type, unit_pseudonym, arm, occurred_at, received_at, value, error_kind, score, latency_ms, encrypted_attributes
            FROM raw_events WHERE experiment_id = $1 AND split_part(event_id, '-', 1) = ANY($2) ORDER BY id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = experimentId });
        command.Parameters.Add(new NpgsqlParameter { Value = batchIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new RawEventRow(reader.GetString(0), reader.GetString(1), (byte[])reader[2],
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetDecimal(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetDouble(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9),
                reader.IsDBNull(10) ? null : (byte[])reader[10]));
        }

        return rows.GroupBy(r => r.EventId[..r.EventId.IndexOf('-', StringComparison.Ordinal)]).Select(g => g.ToArray()).ToList();
    }

    public async Task<(TimeSpan Elapsed, long[] Latencies)> RunAsync(Guid experimentId, IReadOnlyList<RawEventRow[]> batches, int connections)
    {
        var open = new List<NpgsqlConnection>();
        for (var i = 0; i < connections; i++)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            open.Add(connection);
        }

        var latencies = new long[batches.Count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(open.Select(connection => Task.Run(() =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                Write(connection, experimentId, batches[i]);
                latencies[i] = Stopwatch.GetTimestamp() - started;
            }
        })));
        var elapsed = clock.Elapsed;
        foreach (var connection in open)
        {
            await connection.DisposeAsync();
        }

        return (elapsed, latencies);
    }

    private static void Write(NpgsqlConnection connection, Guid experimentId, RawEventRow[] rows)
    {
        using var importer = connection.BeginBinaryImport(Copy);
        foreach (var row in rows)
        {
            importer.StartRow();
            importer.Write(experimentId, NpgsqlDbType.Uuid);
            importer.Write(row.EventId, NpgsqlDbType.Varchar);
            importer.Write(row.Type, NpgsqlDbType.Varchar);
            importer.Write(row.UnitPseudonym, NpgsqlDbType.Bytea);
            WriteOrNull(importer, row.Arm, NpgsqlDbType.Varchar);
            importer.Write(row.OccurredAt, NpgsqlDbType.TimestampTz);
            importer.Write(row.ReceivedAt, NpgsqlDbType.TimestampTz);
            WriteOrNull(importer, row.Value, NpgsqlDbType.Numeric);
            WriteOrNull(importer, row.ErrorKind, NpgsqlDbType.Varchar);
            WriteOrNull(importer, row.Score, NpgsqlDbType.Double);
            WriteOrNull(importer, row.LatencyMs, NpgsqlDbType.Double);
            WriteOrNull(importer, row.EncryptedAttributes, NpgsqlDbType.Bytea);
        }

        importer.Complete();
    }

    private static void WriteOrNull<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : class
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

    private static void WriteOrNull<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } present)
        {
            importer.Write(present, type);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
