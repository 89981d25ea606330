namespace Lotte.Core.Decisions.Approvals;

public enum LeadActionOutcome
{
    /// <summary>The action took effect (for a two-leads approval: recorded, and promoted if it was the second).</summary>
    Applied,

    /// <summary>Someone else decided first: nothing was applied twice.</summary>
    AlreadyDecided,

    /// <summary>Not allowed: wrong role, missing justification, or not possible in the experiment's status.</summary>
    Refused,

    NotFound,
}
