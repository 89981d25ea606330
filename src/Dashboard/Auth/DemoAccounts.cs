namespace Lotte.Dashboard.Auth;

/// <summary>Development-only sign-in accounts, one per role. Never offered outside Development.</summary>
public static class DemoAccounts
{
    public static readonly IReadOnlyList<(string Name, string DisplayName, string Role)> All =
    [
        ("viewer", "Viewer (조회)", DashboardRoles.Viewer),
        ("engineer", "ML engineer (ML 엔지니어)", DashboardRoles.MlEngineer),
        ("ml-lead", "ML team lead (ML 팀 리드)", DashboardRoles.MlLead),
        ("product-lead", "Product lead (프로덕트 리드)", DashboardRoles.ProductLead),
        ("admin", "Admin (관리자)", DashboardRoles.Admin),
    ];
}
