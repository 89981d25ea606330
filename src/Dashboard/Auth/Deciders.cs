using System.Security.Claims;
using Lotte.Core.Decisions.Approvals;

namespace Lotte.Dashboard.Auth;

/// <summary>Turns a signed-in person into the Core's <see cref="Decider"/>: a stable user name and their lead roles.</summary>
public static class Deciders
{
    public static Decider From(ClaimsPrincipal user)
    {
        var roles = new HashSet<LeadRole>();
        if (user.IsInRole(DashboardRoles.MlLead))
        {
            roles.Add(LeadRole.MlLead);
        }

        if (user.IsInRole(DashboardRoles.ProductLead))
        {
            roles.Add(LeadRole.ProductLead);
        }

        return new Decider(UserName(user), roles);
    }

    /// <summary>The name recorded in the audit log: the provider's user name, else its subject id.</summary>
    public static string UserName(ClaimsPrincipal user) =>
        user.FindFirst("preferred_username")?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity?.Name ?? "(unknown)";

    public static string? RoleText(ClaimsPrincipal user) =>
        DashboardRoles.All.Where(user.IsInRole).DefaultIfEmpty().Aggregate((a, b) => $"{a},{b}");
}
