using System.Text.Json;

namespace Lotte.Dashboard.Endpoints;

// The wire form of an event batch, for the OpenAPI document and for clients. The server reads the
// body field by field (see EventBatchParser) so that every invalid event is reported at once.

/// <summary>A batch of events for one experiment.</summary>
public sealed record EventBatchRequest(IReadOnlyList<EventRequest> Events);

/// <summary>
/// One event. <c>type</c>: exposure | conversion | error | prediction | shadowResult. <c>eventId</c> is the
/// client's idempotency key. <c>occurredAt</c> is ISO-8601 with a zone. <c>value</c> (conversions) is whole KRW.
/// <c>attributes</c> are stored encrypted.
/// </summary>
public sealed record EventRequest(
    string EventId,
    string Type,
    string? UnitId,
    string? Arm,
    DateTimeOffset OccurredAt,
    decimal? Value,
    string? ErrorKind,
    double? Score,
    double? LatencyMs,
    JsonElement? Attributes);

/// <summary>New events counted, and events received before (ignored).</summary>
public sealed record EventBatchResponse(int Accepted, int Duplicates);
