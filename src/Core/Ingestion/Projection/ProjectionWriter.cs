using Lotte.Core.Assignment;
using Npgsql;
using NpgsqlTypes;

namespace Lotte.Core.Ingestion.Projection;

/// <summary>Applies one experiment's newly projected raw events to units, statistics and totals, inside the projector's transaction.</summary>
internal sealed class ProjectionWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid experimentId)
{
    /// <summary>Inserts first-time units (counting them as exposed); returns them and the units newly seen in both arms.</summary>
    public async Task<(HashSet<string> NewUnits, long BothArms)> UpsertUnitsAsync(IEnumerable<ProjectedEvent> events,
        ArmStatisticsDelta.Table deltas, CancellationToken cancellationToken)
    {
        var exposures = events
            .Where(e => e.Type == EventType.Exposure)
            .GroupBy(e => e.PseudonymKey, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.MinBy(e => e.OccurredAt)!;
                return (first.Pseudonym, Arm: first.Arm!.Value, first.OccurredAt, BothArms: g.Select(e => e.Arm).Distinct().Count() > 1);
            })
            .ToList();
        var newUnits = new HashSet<string>(StringComparer.Ordinal);
        if (exposures.Count == 0)
        {
            return (newUnits, 0);
        }

        await using var command = Command(IngestionSql.UpsertUnits, [exposures.Select(u => u.Pseudonym).ToArray(),
            exposures.Select(u => u.Arm.ToString()).ToArray(),
            exposures.Select(u => u.OccurredAt).ToArray(),
            exposures.Select(u => u.BothArms).ToArray()]);
        long bothArms = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(3))
            {
                newUnits.Add(Convert.ToHexString((byte[])reader[0]));
                deltas.For(Enum.Parse<Arm>(reader.GetString(1)), reader.GetFieldValue<DateTimeOffset>(2)).ExposedUnits++;
            }

            bothArms += reader.GetBoolean(4) ? 1 : 0;
        }

        return (newUnits, bothArms);
    }

    /// <summary>
    /// Attributes the new conversions, and re-attributes earlier ones of units first exposed now. "Earlier" means
    /// already projected (at or before <paramref name="projectedUpTo"/>): later ones are attributed when their turn comes.
    /// </summary>
    public async Task<long> AttributeConversionsAsync(IReadOnlyList<ProjectedEvent> events, HashSet<string> newUnits,
        (ulong TransactionId, long RawEventId) projectedUpTo, ArmStatisticsDelta.Table deltas, CancellationToken cancellationToken)
    {
        var candidates = events
            .Where(e => e.Type == EventType.Conversion)
            .Select(e => new ConversionCandidate(e.PseudonymKey, e.OccurredAt, e.Value, CountedAsUnattributed: false))
            .ToList();
        if (newUnits.Count > 0)
        {
            candidates.AddRange(await EarlierConversionsAsync(newUnits, projectedUpTo, cancellationToken));
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

    public async Task UpsertTotalsAsync(long accepted, long unattributed, long bothArms, DateTimeOffset projectedAt,
        CancellationToken cancellationToken)
    {
        await using var command = Command(IngestionSql.UpsertTotals, [accepted, 0L, unattributed, bothArms, projectedAt]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task NotifyChangedAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(IngestionSql.Notify, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = experimentId.ToString() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<ConversionCandidate>> EarlierConversionsAsync(HashSet<string> newUnits,
        (ulong TransactionId, long RawEventId) projectedUpTo, CancellationToken cancellationToken)
    {
        await using var command = Command(IngestionSql.EarlierConversions, [newUnits.Select(Convert.FromHexString).ToArray()]);
        command.Parameters.Add(new NpgsqlParameter { Value = projectedUpTo.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = projectedUpTo.RawEventId });
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

    /// <summary>A command whose first parameter ($1) is the experiment id, followed by <paramref name="values"/>.</summary>
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
