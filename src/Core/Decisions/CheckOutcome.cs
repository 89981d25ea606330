namespace Lotte.Core.Decisions;

/// <summary>Outcome of one check. "Pass" always means "no objection" (e.g. the error rate is fine).</summary>
public enum CheckOutcome
{
    Pass,
    Fail,

    /// <summary>Not judged yet, e.g. the error guard before its minimum number of requests.</summary>
    NotEvaluated,
}
