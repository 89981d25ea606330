using Lotte.Core.Assignment;

namespace Lotte.Core.Ingestion.Projection;

/// <summary>A stored raw event as the projector reads it back: the unit already a pseudonym (hex-keyed for grouping).</summary>
internal sealed record ProjectedEvent(
    Guid ExperimentId,
    EventType Type,
    byte[] Pseudonym,
    Arm? Arm,
    DateTimeOffset OccurredAt,
    decimal? Value,
    string? ErrorKind)
{
    public string PseudonymKey { get; } = Convert.ToHexString(Pseudonym);
}
