namespace Lotte.Core.Decisions;

/// <summary>Which family a decision policy belongs to; shown to leads next to the decision.</summary>
public enum PolicyKind
{
    /// <summary>The seed rule exactly as ADR-008 writes it: fixed-horizon p-value checked at every look.</summary>
    Adr008AsWritten,

    /// <summary>Same thresholds, peeking-safe: always-valid p-value, minimum sample, robust error guard, SRM halt.</summary>
    Sequential,
}
