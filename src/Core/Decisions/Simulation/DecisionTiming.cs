namespace Lotte.Core.Decisions.Simulation;

/// <summary>
/// When runs reached a given decision, among the <see cref="Runs"/> runs that reached it: total units (both arms),
/// days, and Staging requests served by then. Percentiles interpolate linearly between order statistics.
/// </summary>
public sealed record DecisionTiming(
    int Runs,
    double MedianUnits,
    double P90Units,
    double MedianDays,
    double P90Days,
    double MedianStagingRequests);
