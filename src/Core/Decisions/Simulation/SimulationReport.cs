namespace Lotte.Core.Decisions.Simulation;

/// <summary>
/// What a policy did over many simulated experiments. Rates are fractions of all runs; a run ends at its first
/// decision other than KEEP_TESTING. Rates that only make sense in some worlds are null in the others:
/// <see cref="FalsePromoteRate"/> when Staging is truly no better (lift ≤ 0), <see cref="Power"/> when it is better,
/// <see cref="FalseRollbackRate"/> when Staging's true error rate is within the limit and
/// <see cref="RollbackDetectionRate"/> when it is above. Error-guard pauses count with roll-backs there.
/// </summary>
public sealed record SimulationReport(
    SimulationSettings Settings,
    int Runs,
    double PromoteRate,
    double RollbackRate,
    double HaltRate,
    double KeepTestingRate,
    double ErrorGuardRate,
    double SampleRatioHaltRate,
    double EverSignificantRate,
    double? FalsePromoteRate,
    double? Power,
    double? FalseRollbackRate,
    double? RollbackDetectionRate,
    DecisionTiming? ToDecision,
    DecisionTiming? ToPromote,
    DecisionTiming? ToErrorGuard);
