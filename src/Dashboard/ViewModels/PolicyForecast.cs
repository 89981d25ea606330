namespace Lotte.Dashboard.ViewModels;

/// <summary>
/// "Will this policy work?": the fixed-horizon plan for the policy's minimum lift, and how the policy
/// behaves under continuous monitoring (simulated): its false-PROMOTE risk when Staging is no better,
/// and how often and how soon it promotes a true minimum lift.
/// </summary>
public sealed record PolicyForecast(
    long PlannedUnits,
    double PlannedDays,
    double FalsePromoteRisk,
    double PowerAtMinimumLift,
    double? MedianUnitsToPromote,
    double? MedianDaysToPromote,
    int SimulatedRuns);
