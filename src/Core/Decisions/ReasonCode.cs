namespace Lotte.Core.Decisions;

/// <summary>
/// Why the engine decided what it did, as stable codes. They are the keys of the explanation texts
/// (English and Korean), so renaming one means renaming its resource entries too.
/// </summary>
public enum ReasonCode
{
    /// <summary>Counts are impossible (e.g. more conversions than units): HALT.</summary>
    InvalidData,

    /// <summary>The policy's settings are out of range: HALT.</summary>
    InvalidPolicy,

    /// <summary>Staging's error rate is above the limit: ROLLBACK.</summary>
    ErrorRateAboveLimit,

    /// <summary>Staging's error rate is above the limit and the policy pauses instead of rolling back: HALT.</summary>
    ErrorRateAboveLimitPaused,

    /// <summary>The observed split differs from the configured one: HALT.</summary>
    SampleRatioMismatch,

    /// <summary>Staging is better by the margin with enough evidence: PROMOTE.</summary>
    StagingBetterAndSignificant,

    /// <summary>An arm has fewer units than the policy needs before it may PROMOTE.</summary>
    WaitingForMinimumUnits,

    /// <summary>Staging's rate is not above Production's by the required margin.</summary>
    LiftBelowMinimum,

    /// <summary>The difference is not (yet) statistically significant.</summary>
    NotSignificant,

    /// <summary>Too few Staging requests for the error guard to judge yet.</summary>
    ErrorGuardWaitingForRequests,

    /// <summary>A shadow experiment: only Staging's errors (and latency) are judged; users never see Staging, so no PROMOTE.</summary>
    ShadowValidatesErrorsOnly,

    /// <summary>Staging's prediction scores drifted from the reference past the alert level and the policy rolls back on drift: ROLLBACK.</summary>
    ScoreDriftAlert,
}
