using Lotte.Core.Assignment;
using Npgsql;

namespace Lotte.Core.Ingestion;

/// <summary>Runs the statements of <see cref="IngestionSql"/> for one experiment inside one transaction.</summary>
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

    /// <summary>Inserts first-time units (counting them as exposed); returns them and the units newly seen in both arms.</summary>
    public async Task<(HashSet<string> NewUnits, long BothArms)> UpsertUnitsAsync(IEnumerable<StoredEvent> newEvents,
        ArmStatisticsDelta.Table deltas, CancellationToken cancellationToken)
    {
        var exposures = newEvents
            .Where(e => e.Source.Type == EventType.Exposure)
            .GroupBy(e => e.PseudonymKey!, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.MinBy(e => e.OccurredAt)!;
                return (first.Pseudonym!, Arm: first.Arm!.Value, first.OccurredAt, BothArms: g.Select(e => e.Arm).Distinct().Count() > 1);
            })
            .ToList();
        var newUnits = new HashSet<string>(StringComparer.Ordinal);
        if (exposures.Count == 0)
        {
            return (newUnits, 0);
        }

        await using var command = Command(IngestionSql.UpsertUnits, [exposures.Select(u => u.Item1).ToArray(),
            exposures.Select(u => u.Arm.ToString()).ToArray(),
            exposures.Select(u => u.OccurredAt).ToArray(),
            exposures.Select(u => u.BothArms).ToArray()]);
        long bothArms = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var inserted = reader.GetBoolean(3);
            var flagged = reader.GetBoolean(4);
            if (inserted)
            {
                newUnits.Add(Convert.ToHexString((byte[])reader[0]));
                deltas.For(Enum.Parse<Arm>(reader.GetString(1)), reader.GetFieldValue<DateTimeOffset>(2)).ExposedUnits++;
            }

            bothArms += flagged ? 1 : 0;
        }

        return (newUnits, bothArms);
    }

    /// <summary>Attributes the batch's conversions and re-attributes earlier ones of units first exposed now.</summary>
    public async Task<long> AttributeConversionsAsync(IReadOnlyList<StoredEvent> newEvents, HashSet<string> newUnits,
        ArmStatisticsDelta.Table deltas, CancellationToken cancellationToken)
    {
        var candidates = newEvents
            .Where(e => e.Source.Type == EventType.Conversion)
            .Select(e => new ConversionCandidate(e.PseudonymKey!, e.OccurredAt, e.Source.Value, CountedAsUnattributed: false))
            .ToList();
        if (newUnits.Count > 0)
        {
            candidates.AddRange(await EarlierConversionsAsync(newUnits, newEvents, cancellationToken));
        }

        if (candidates.Count == 0)
        {
            return 0;
        }

        var units = await LockUnitsAsync(candidates.Select(c => c.PseudonymKey).Distinct(StringComparer.Ordinal), cancellationToken);
        var (updated, unattributed) = ConversionAttribution.Apply(units, candidates, deltas);
        if (updated.Count > 0)
        {
            var rows = updated.OrderBy(u => u.Key, StringComparer.Ordinal).ToList();
            await using var command = Command(IngestionSql.UpdateUnitConversions, [rows.Select(u => Convert.FromHexString(u.Key)).ToArray(),
                rows.Select(u => u.Value.FirstConversionAt!.Value).ToArray(),
                rows.Select(u => u.Value.ConversionValue).ToArray()]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return unattributed;
    }

    public async Task UpsertStatisticsAsync(ArmStatisticsDelta.Table deltas, CancellationToken cancellationToken)
    {
        var rows = deltas.Rows.ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = Command(IngestionSql.UpsertArmStatistics, [rows.Select(r => r.Key.Arm.ToString()).ToArray(),
            rows.Select(r => r.Key.Bucket).ToArray(),
            rows.Select(r => r.Value.ExposedUnits).ToArray(),
            rows.Select(r => r.Value.ConvertedUnits).ToArray(),
            rows.Select(r => r.Value.Requests).ToArray(),
            rows.Select(r => r.Value.Errors).ToArray(),
            rows.Select(r => r.Value.ValueSum).ToArray(),
            rows.Select(r => r.Value.ValueSumOfSquares).ToArray()]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpsertTotalsAsync(long accepted, long duplicates, long unattributed, long bothArms, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = Command(IngestionSql.UpsertTotals, [accepted, duplicates, unattributed, bothArms,
            accepted > 0 ? now : (DateTimeOffset?)null]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task NotifyAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(IngestionSql.Notify, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = experimentId.ToString() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<ConversionCandidate>> EarlierConversionsAsync(HashSet<string> newUnits, IReadOnlyList<StoredEvent> newEvents,
        CancellationToken cancellationToken)
    {
        await using var command = Command(IngestionSql.EarlierConversions, [newUnits.Select(Convert.FromHexString).ToArray(),
            newEvents.Select(e => e.Source.EventId).ToArray()]);
        var earlier = new List<ConversionCandidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            earlier.Add(new ConversionCandidate(Convert.ToHexString((byte[])reader[0]), reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetDecimal(2), CountedAsUnattributed: true));
        }

        return earlier;
    }

    private async Task<Dictionary<string, UnitState>> LockUnitsAsync(IEnumerable<string> pseudonymKeys, CancellationToken cancellationToken)
    {
        await using var command = Command(IngestionSql.LockUnits, [pseudonymKeys.Select(Convert.FromHexString).ToArray()]);
        var units = new Dictionary<string, UnitState>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            units[Convert.ToHexString((byte[])reader[0])] = new UnitState(
                Enum.Parse<Arm>(reader.GetString(1)),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetDecimal(4));
        }

        return units;
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
