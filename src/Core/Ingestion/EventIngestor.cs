using Lotte.Core.Assignment;
using Lotte.Core.Persistence;
using Lotte.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lotte.Core.Ingestion;

/// <summary>
/// Stores a validated batch in one transaction: raw events (idempotent on the client's event id),
/// units, per-arm per-minute sufficient statistics and totals, then a change notification. A batch is
/// either stored whole or not at all, and an event id is counted once however often it is sent.
/// </summary>
public sealed class EventIngestor(
    IDbContextFactory<LotteDbContext> contexts,
    UnitPseudonymizer pseudonymizer,
    FieldEncryptor encryptor,
    IngestionMetrics metrics,
    TimeProvider time)
{
    /// <summary>Encryption context of attributes: a ciphertext cannot be replayed into another column.</summary>
    public const string AttributesContext = "raw_events.attributes";

    public async Task<IngestionResult> IngestAsync(Guid experimentId, string experimentKey, IReadOnlyList<IncomingEvent> events,
        CancellationToken cancellationToken)
    {
        var batch = Prepare(events);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var writer = new IngestionWriter(connection, transaction, experimentId);

        var fresh = await writer.InsertRawEventsAsync(batch, now, cancellationToken);
        var newEvents = batch.Where(e => fresh.Contains(e.Source.EventId)).ToList();
        var deltas = new ArmStatisticsDelta.Table();
        CountRequests(newEvents, deltas);
        var (newUnits, bothArms) = await writer.UpsertUnitsAsync(newEvents, deltas, cancellationToken);
        var unattributed = await writer.AttributeConversionsAsync(newEvents, newUnits, deltas, cancellationToken);
        await writer.UpsertStatisticsAsync(deltas, cancellationToken);
        await writer.UpsertTotalsAsync(newEvents.Count, events.Count - newEvents.Count, unattributed, bothArms, now, cancellationToken);
        if (newEvents.Count > 0)
        {
            await writer.NotifyAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        metrics.EventsStored(experimentKey, newEvents.Select(e => e.Source), "accepted");
        metrics.EventsStored(experimentKey, batch.Where(e => !fresh.Contains(e.Source.EventId)).Select(e => e.Source), "duplicate");
        return new IngestionResult(newEvents.Count, events.Count - newEvents.Count);
    }

    /// <summary>Pseudonymises units, encrypts attributes, and keeps the first of repeated event ids.</summary>
    private List<StoredEvent> Prepare(IReadOnlyList<IncomingEvent> events)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var prepared = new List<StoredEvent>(events.Count);
        foreach (var incoming in events.Where(e => seen.Add(e.EventId)))
        {
            prepared.Add(new StoredEvent(
                incoming,
                incoming.Unit is null ? null : pseudonymizer.Pseudonymize(incoming.Unit).ToArray(),
                incoming.AttributesJson is null ? null : encryptor.EncryptText(incoming.AttributesJson, AttributesContext)));
        }

        return prepared;
    }

    /// <summary>Every model call is one event: an exposure when it served, an error when it failed.</summary>
    private static void CountRequests(IEnumerable<StoredEvent> events, ArmStatisticsDelta.Table deltas)
    {
        foreach (var e in events)
        {
            switch (e.Source.Type)
            {
                case EventType.Exposure:
                    deltas.For(e.Arm!.Value, e.OccurredAt).Requests++;
                    break;
                case EventType.Error:
                case EventType.ShadowResult:
                    var delta = deltas.For(e.Arm ?? Arm.Staging, e.OccurredAt);
                    delta.Requests++;
                    delta.Errors += e.Source.ErrorKind is null ? 0 : 1;
                    break;
            }
        }
    }
}
