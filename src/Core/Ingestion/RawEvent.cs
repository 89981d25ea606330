using Lotte.Core.Assignment;

namespace Lotte.Core.Ingestion;

/// <summary>
/// An accepted event, append-only (the database rejects updates and deletes). The client's event id
/// is unique per experiment, which makes re-sending a batch harmless.
/// </summary>
public sealed class RawEvent
{
    public long Id { get; set; }
    public Guid ExperimentId { get; set; }
    public string EventId { get; set; } = "";
    public EventType Type { get; set; }
    public byte[] UnitPseudonym { get; set; } = [];
    public Arm? Arm { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Contract value in KRW (conversions only).</summary>
    public decimal? Value { get; set; }

    public string? ErrorKind { get; set; }
    public double? Score { get; set; }
    public double? LatencyMs { get; set; }

    /// <summary>
    /// <c>pg_current_xact_id()</c> of the storing transaction, set by the database: the projector reads raw events in
    /// (transaction, id) order, so a batch that took lower ids but committed later is never skipped.
    /// </summary>
    public ulong TransactionId { get; set; }

    /// <summary>Personal attributes, AES-256-GCM encrypted; the key id travels inside the ciphertext.</summary>
    public byte[]? EncryptedAttributes { get; set; }
}
