namespace Lotte.Core.Decisions.Simulation;

/// <summary>How one simulated experiment ended.</summary>
internal readonly record struct RunOutcome(
    Decision Decision,
    ReasonCode? Reason,
    long Units,
    long StagingRequests,
    bool EverSignificant)
{
    public bool ByErrorGuard => Reason is ReasonCode.ErrorRateAboveLimit or ReasonCode.ErrorRateAboveLimitPaused;
}
