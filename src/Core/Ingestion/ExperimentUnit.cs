using Lotte.Core.Assignment;

namespace Lotte.Core.Ingestion;

/// <summary>
/// One unit (customer or broker) in one experiment, known only by its keyed pseudonym. The arm of its
/// first exposure is where it counts, for good (sticky bucketing; analysis counts each unit once).
/// </summary>
public sealed class ExperimentUnit
{
    public Guid ExperimentId { get; set; }

    /// <summary>HMAC-SHA256 of the unit id: the raw id is never stored.</summary>
    public byte[] UnitPseudonym { get; set; } = [];

    public Arm Arm { get; set; }
    public DateTimeOffset FirstExposureAt { get; set; }
    public DateTimeOffset? FirstConversionAt { get; set; }

    /// <summary>Sum of contract values (KRW) attributed to this unit.</summary>
    public decimal ConversionValue { get; set; }

    /// <summary>True once the unit was also exposed to the other arm (GrowthBook's multiple-exposure problem).</summary>
    public bool SeenInBothArms { get; set; }
}
