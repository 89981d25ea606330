using Lotte.Core.Ingestion.Projection;
using Lotte.Core.Persistence;
using Lotte.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lotte.Core.Ingestion;

/// <summary>
/// Stores a validated batch in one transaction: pseudonymised, encrypted raw events, idempotent on the client's
/// event id. A batch is either stored whole or not at all, and an event id is stored once however often it is
/// sent. Units, statistics and totals follow from raw_events in <see cref="EventProjector"/> (decision 6).
/// </summary>
public sealed class EventIngestor(
    IDbContextFactory<LotteDbContext> contexts,
    UnitPseudonymizer pseudonymizer,
    FieldEncryptor encryptor,
    IngestionMetrics metrics,
    ProjectionSignal projection,
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
        var duplicates = events.Count - fresh.Count;
        if (duplicates > 0)
        {
            await writer.RecordDuplicatesAsync(duplicates, cancellationToken);
        }

        if (fresh.Count > 0)
        {
            await writer.NotifyStoredAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (fresh.Count > 0)
        {
            projection.Wake();
        }

        metrics.EventsStored(experimentKey, batch.Where(e => fresh.Contains(e.Source.EventId)).Select(e => e.Source), "accepted");
        metrics.EventsStored(experimentKey, batch.Where(e => !fresh.Contains(e.Source.EventId)).Select(e => e.Source), "duplicate");
        return new IngestionResult(fresh.Count, duplicates);
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
}
