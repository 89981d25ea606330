namespace Lotte.Core.Decisions;

/// <summary>What happens when Staging's error rate is judged above the limit.</summary>
public enum ErrorGuardAction
{
    /// <summary>Roll back at once: Staging traffic goes to 0 (<see cref="Decision.Rollback"/>).</summary>
    RollBack,

    /// <summary>Pause for a lead to judge a possible false alarm (<see cref="Decision.Halt"/>).</summary>
    Pause,
}
