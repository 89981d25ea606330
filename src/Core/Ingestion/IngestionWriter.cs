using Npgsql;

namespace Lotte.Core.Ingestion;

/// <summary>The request side of ingestion: stores one experiment's raw events inside the request's transaction.</summary>
internal sealed class IngestionWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid experimentId)
{
    public async Task<HashSet<string>> InsertRawEventsAsync(IReadOnlyList<StoredEvent> events, DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        await using var command = Command(IngestionSql.InsertRawEvents, [receivedAt,
            events.Select(e => e.Source.EventId).ToArray(),
            events.Select(e => e.Source.Type.ToString()).ToArray(),
            events.Select(e => e.Pseudonym ?? []).ToArray(),
            events.Select(e => e.Arm?.ToString()).ToArray(),
            events.Select(e => e.OccurredAt).ToArray(),
            events.Select(e => e.Source.Value).ToArray(),
            events.Select(e => e.Source.ErrorKind).ToArray(),
            events.Select(e => e.Source.Score).ToArray(),
            events.Select(e => e.Source.LatencyMs).ToArray(),
            events.Select(e => e.EncryptedAttributes).ToArray()]);
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetString(0));
        }

        return inserted;
    }

    /// <summary>Counts re-sent events; only replays touch the totals row here, so first-time batches never queue on it.</summary>
    public async Task RecordDuplicatesAsync(long duplicates, CancellationToken cancellationToken)
    {
        await using var command = Command(IngestionSql.UpsertTotals, [0L, duplicates, 0L, 0L, null]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Wakes the projector on every replica once this transaction commits.</summary>
    public async Task NotifyStoredAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(IngestionSql.NotifyStored, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A command whose first parameter ($1) is the experiment id, followed by <paramref name="values"/>. A list, not
    /// <c>params</c>: a lone array argument would otherwise be spread into several parameters.
    /// </summary>
    private NpgsqlCommand Command(string sql, IReadOnlyList<object?> values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = experimentId });
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
