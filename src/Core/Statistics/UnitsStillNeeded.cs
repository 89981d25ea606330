namespace Lotte.Core.Statistics;

/// <summary>
/// How many more units each arm needs to reach a planned size, and how many more units in total that takes
/// at the configured Staging share (the slower arm decides).
/// </summary>
public sealed record UnitsStillNeeded(long Treatment, long Control, long Total);
