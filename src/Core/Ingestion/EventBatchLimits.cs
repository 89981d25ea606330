namespace Lotte.Core.Ingestion;

/// <summary>The bounds of what one batch may contain.</summary>
public static class EventBatchLimits
{
    public const int MaxEvents = 10_000;
    public const int MaxRequestBytes = 8 * 1024 * 1024;
    public const int MaxEventIdLength = 128;
    public const int MaxUnitIdLength = 256;
    public const int MaxErrorKindLength = 100;
    public const int MaxAttributesBytes = 4096;

    /// <summary>Contract values are whole won, up to ten trillion.</summary>
    public const decimal MaxValueKrw = 10_000_000_000_000m;

    /// <summary>Clock skew tolerated for events stamped in the future, or just before the experiment started.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
}
