namespace Lotte.Dashboard.Auth;

/// <summary>The product's roles, as they appear in the (mapped) role claims.</summary>
public static class DashboardRoles
{
    public const string Viewer = "Viewer";
    public const string MlEngineer = "MlEngineer";
    public const string MlLead = "MlLead";
    public const string ProductLead = "ProductLead";
    public const string Admin = "Admin";

    public static readonly string[] All = [Viewer, MlEngineer, MlLead, ProductLead, Admin];
}
