namespace Lotte.Core.Experiments;

/// <summary>Who must approve an automatic PROMOTE before it changes which model serves customers.</summary>
public enum ApprovalMode
{
    /// <summary>One lead (ML lead or product lead) approves.</summary>
    OneLead,

    /// <summary>ADR-008's deciders: one ML lead and one product lead, two different people.</summary>
    TwoLeads,

    /// <summary>No approval: the promotion is applied as soon as the engine decides.</summary>
    AutoApply,
}
