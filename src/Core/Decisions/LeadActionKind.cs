namespace Lotte.Core.Decisions;

/// <summary>What a lead did with an automatic decision, or instead of it.</summary>
public enum LeadActionKind
{
    Approve,
    Reject,
    ForcePromote,
    ForceRollback,
    Pause,
    Resume,
    Extend,
    Stop,
    Reopen,

    /// <summary>A shadow test becomes an A/B test at 10 %.</summary>
    Graduate,
}
