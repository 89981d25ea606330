namespace Lotte.Core.Decisions;

/// <summary>What the engine recommends for the Staging model at one look.</summary>
public enum Decision
{
    /// <summary>Not enough evidence either way: keep the split and collect more data.</summary>
    KeepTesting,

    /// <summary>Staging is better by the required margin with enough evidence: it may replace Production.</summary>
    Promote,

    /// <summary>Staging's error rate is above the limit: send its traffic to 0 at once.</summary>
    Rollback,

    /// <summary>Stop and let a lead look: the data cannot be trusted (e.g. sample-ratio mismatch) or a guard paused the test.</summary>
    Halt,
}
