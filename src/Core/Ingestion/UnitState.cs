using Lotte.Core.Assignment;

namespace Lotte.Core.Ingestion;

/// <summary>A unit's row as locked for attributing conversions.</summary>
internal sealed record UnitState(Arm Arm, DateTimeOffset FirstExposureAt, DateTimeOffset? FirstConversionAt, decimal ConversionValue);
