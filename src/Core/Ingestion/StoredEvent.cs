using Lotte.Core.Assignment;

namespace Lotte.Core.Ingestion;

/// <summary>An event as written: the unit replaced by its pseudonym, attributes encrypted.</summary>
internal sealed record StoredEvent(
    IncomingEvent Source,
    byte[]? Pseudonym,
    byte[]? EncryptedAttributes)
{
    public Arm? Arm => Source.Arm;
    public DateTimeOffset OccurredAt => Source.OccurredAt;
}
