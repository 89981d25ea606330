namespace Lotte.Core.Decisions.Approvals;

/// <summary>A person deciding on an experiment, with the lead roles they hold (none: they may not decide).</summary>
public sealed record Decider(string Name, IReadOnlySet<LeadRole> Roles)
{
    public bool IsLead => Roles.Count > 0;

    public string RoleText => string.Join(",", Roles.Order());
}
