using Lotte.Core.Assignment;
using Lotte.Core.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Lotte.Core.Ingestion.Projection;

/// <summary>
/// Maintains units, conversion attribution, per-minute statistics and totals from raw_events, behind the
/// requests that stored them (decision 6). Each step projects the next committed events and advances the
/// checkpoint in one transaction, so every acknowledged event is counted exactly once. Exactly one replica
/// projects: the one holding a PostgreSQL advisory lock on a dedicated connection; if it dies, another takes over.
/// </summary>
public sealed class EventProjector(
    IOptions<DatabaseOptions> database,
    ProjectionSignal signal,
    TimeProvider time,
    ILogger<EventProjector> logger) : BackgroundService
{
    /// <summary>Advisory lock key of the projector ("LOTTEPRJ").</summary>
    public const long LockKey = 0x4C4F_5454_4550_524A;

    /// <summary>Events per projection transaction: large enough to amortise, small enough to keep transactions short.</summary>
    public const int MaxEventsPerStep = 20_000;

    /// <summary>Without a wake-up (a lost notification, rows held back by an older open transaction), look again this often.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a replica without the lock tries to take it over.</summary>
    public static readonly TimeSpan TakeOverInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lockConnection = new NpgsqlConnection(database.Value.ConnectionString);
                await lockConnection.OpenAsync(stoppingToken);
                if (await TryLockAsync(lockConnection, stoppingToken))
                {
                    logger.LogInformation("This replica now projects ingested events");
                    await ProjectContinuouslyAsync(lockConnection, stoppingToken);
                }
            }
            catch (Exception ex) when (DatabaseOutage.Is(ex))
            {
                logger.LogWarning("Event projection interrupted: {Message}", ex.Message);
            }

            await Task.Delay(TakeOverInterval, time, stoppingToken);
        }
    }

    /// <summary>Projects the next committed events, if any; returns how many. Public so that tests and operators can drive it.</summary>
    public async Task<int> ProjectNextAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var ensure = new NpgsqlCommand(ProjectionSql.EnsureCheckpoint, connection))
        {
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var checkpoint = await LockCheckpointAsync(connection, transaction, cancellationToken);
        var (events, last) = await ReadNextAsync(connection, transaction, checkpoint, cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        foreach (var experiment in events.GroupBy(e => e.ExperimentId))
        {
            await ProjectAsync(new ProjectionWriter(connection, transaction, experiment.Key), experiment.ToList(), checkpoint, now,
                cancellationToken);
        }

        await using (var advance = new NpgsqlCommand(ProjectionSql.AdvanceCheckpoint, connection, transaction))
        {
            advance.Parameters.Add(new NpgsqlParameter { Value = last.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
            advance.Parameters.Add(new NpgsqlParameter { Value = last.RawEventId });
            advance.Parameters.Add(new NpgsqlParameter { Value = now });
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    private static async Task ProjectAsync(ProjectionWriter writer, IReadOnlyList<ProjectedEvent> events,
        (ulong TransactionId, long RawEventId) checkpoint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deltas = new ArmStatisticsDelta.Table();
        CountRequests(events, deltas);
        var (newUnits, bothArms) = await writer.UpsertUnitsAsync(events, deltas, cancellationToken);
        var unattributed = await writer.AttributeConversionsAsync(events, newUnits, checkpoint, deltas, cancellationToken);
        await writer.UpsertStatisticsAsync(deltas, cancellationToken);
        // last_event_at is when the statistics last changed: the decision evaluator looks again after it.
        await writer.UpsertTotalsAsync(events.Count, unattributed, bothArms, now, cancellationToken);
        await writer.NotifyChangedAsync(cancellationToken);
    }

    /// <summary>Every model call is one event: an exposure when it served, an error when it failed.</summary>
    private static void CountRequests(IEnumerable<ProjectedEvent> events, ArmStatisticsDelta.Table deltas)
    {
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case EventType.Exposure:
                    deltas.For(e.Arm!.Value, e.OccurredAt).Requests++;
                    break;
                case EventType.Error:
                case EventType.ShadowResult:
                    var delta = deltas.For(e.Arm ?? Arm.Staging, e.OccurredAt);
                    delta.Requests++;
                    delta.Errors += e.ErrorKind is null ? 0 : 1;
                    break;
            }
        }
    }

    private static async Task<(ulong TransactionId, long RawEventId)> LockCheckpointAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ProjectionSql.LockCheckpoint, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
    }

    private static async Task<(List<ProjectedEvent> Events, (ulong TransactionId, long RawEventId) Last)> ReadNextAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, (ulong TransactionId, long RawEventId) checkpoint,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ProjectionSql.NextEvents, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.RawEventId });
        command.Parameters.Add(new NpgsqlParameter { Value = MaxEventsPerStep });
        var events = new List<ProjectedEvent>();
        var last = checkpoint;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            last = (reader.GetFieldValue<ulong>(1), reader.GetInt64(0));
            events.Add(new ProjectedEvent(
                reader.GetGuid(2),
                Enum.Parse<EventType>(reader.GetString(3)),
                (byte[])reader[4],
                reader.IsDBNull(5) ? null : Enum.Parse<Arm>(reader.GetString(5)),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetDecimal(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return (events, last);
    }

    private async Task ProjectContinuouslyAsync(NpgsqlConnection lockConnection, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            while (await ProjectNextAsync(stoppingToken) > 0)
            {
            }

            await using (var ping = new NpgsqlCommand("SELECT 1", lockConnection)) // the lock lives as long as this connection
            {
                await ping.ExecuteScalarAsync(stoppingToken);
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = LockKey });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
