using Lotte.Core.Experiments;

namespace Lotte.Core.Decisions.Approvals;

/// <summary>
/// Whether a round's approvals suffice: one lead under <see cref="ApprovalMode.OneLead"/>; under
/// <see cref="ApprovalMode.TwoLeads"/> two different people, one an ML lead and the other a product lead.
/// </summary>
public static class ApprovalRule
{
    public static bool IsSatisfied(ApprovalMode mode, IReadOnlyList<(string Name, IReadOnlySet<LeadRole> Roles)> approvals)
    {
        if (mode != ApprovalMode.TwoLeads)
        {
            return approvals.Count > 0;
        }

        return approvals.Any(ml => ml.Roles.Contains(LeadRole.MlLead)
            && approvals.Any(product => product.Roles.Contains(LeadRole.ProductLead) && product.Name != ml.Name));
    }

    public static IReadOnlySet<LeadRole> ParseRoles(string roles) =>
        roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => Enum.TryParse<LeadRole>(r, out var role) ? role : (LeadRole?)null)
            .OfType<LeadRole>().ToHashSet();
}
