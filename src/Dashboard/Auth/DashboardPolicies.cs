using Microsoft.AspNetCore.Authorization;

namespace Lotte.Dashboard.Auth;

/// <summary>
/// Who may do what, enforced on the server for every page and action (hiding a button is not the control):
/// viewers read; ML engineers also create and configure experiments; leads also decide; admins manage
/// services' API keys and export the audit log.
/// </summary>
public static class DashboardPolicies
{
    public const string View = "dashboard:view";
    public const string ManageExperiments = "experiments:manage";
    public const string Decide = "experiments:decide";
    public const string Administer = "administer";

    public static AuthorizationBuilder AddDashboardPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(View, p => p.RequireAuthenticatedUser().RequireRole(DashboardRoles.All))
        .AddPolicy(ManageExperiments, p => p.RequireAuthenticatedUser().RequireRole(DashboardRoles.MlEngineer, DashboardRoles.MlLead, DashboardRoles.ProductLead))
        .AddPolicy(Decide, p => p.RequireAuthenticatedUser().RequireRole(DashboardRoles.MlLead, DashboardRoles.ProductLead))
        .AddPolicy(Administer, p => p.RequireAuthenticatedUser().RequireRole(DashboardRoles.Admin));
}
