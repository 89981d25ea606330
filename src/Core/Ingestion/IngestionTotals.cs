namespace Lotte.Core.Ingestion;

/// <summary>
/// Per-experiment ingestion counters that belong to no arm. Kept apart from the experiment row so
/// that event traffic never touches the experiment's concurrency token.
/// </summary>
public sealed class IngestionTotals
{
    public Guid ExperimentId { get; set; }
    public long EventsAccepted { get; set; }
    public long EventsDuplicate { get; set; }

    /// <summary>Conversions of units never exposed (or exposed only later): stored, shown, never in a rate.</summary>
    public long UnattributedConversions { get; set; }

    /// <summary>Units exposed to both arms; each still counts once, in the arm of its first exposure.</summary>
    public long UnitsInBothArms { get; set; }

    public DateTimeOffset? LastEventAt { get; set; }
}
