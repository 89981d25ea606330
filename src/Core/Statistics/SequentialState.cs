namespace Lotte.Core.Statistics;

/// <summary>
/// What an always-valid test carries from one look to the next: the running minimum of the p-value and the
/// running intersection of the confidence intervals (the confidence sequence; null bounds are unbounded).
/// Persist it with the experiment and pass it back at the next look.
/// </summary>
public sealed record SequentialState(int Looks, double PAlwaysValid, double? CsLower, double? CsUpper)
{
    /// <summary>The state before the first look: p = 1, unbounded confidence sequence.</summary>
    public static SequentialState Initial { get; } = new(0, 1.0, null, null);
}
