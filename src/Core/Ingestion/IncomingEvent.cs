using Lotte.Core.Assignment;
using Lotte.Core.Privacy;

namespace Lotte.Core.Ingestion;

/// <summary>One validated event of a batch, before pseudonymisation and storage.</summary>
public sealed record IncomingEvent(
    string EventId,
    EventType Type,
    UnitId? Unit,
    Arm? Arm,
    DateTimeOffset OccurredAt,
    decimal? Value = null,
    string? ErrorKind = null,
    double? Score = null,
    double? LatencyMs = null,
    string? AttributesJson = null);
