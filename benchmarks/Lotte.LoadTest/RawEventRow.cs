namespace Lotte.LoadTest;

/// <summary>A raw_events row as the API stored it (pseudonym, ciphertext and all), to be written again by COPY.</summary>
public sealed record RawEventRow(
    string EventId,
    string Type,
    byte[] UnitPseudonym,
    string? Arm,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    decimal? Value,
    string? ErrorKind,
    double? Score,
    double? LatencyMs,
    byte[]? EncryptedAttributes);
