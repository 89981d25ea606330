namespace Lotte.Testing;

/// <summary>
/// The users the test OpenID Connect provider has by default: one per role of the dashboard and a
/// second ML lead (for approvals by someone else), all with one password. The username is also the sub claim.
/// </summary>
public static class OidcTestUsers
{
    public const string Password = "Passw0rd!";

    public static OidcTestUser Viewer { get; } = new("viewer", "Viewer", "Vivian Viewer", "viewer@lotte.test");
    public static OidcTestUser Engineer { get; } = new("engineer", "MlEngineer", "Eun-ji Engineer", "engineer@lotte.test");
    public static OidcTestUser MlLead { get; } = new("ml-lead", "MlLead", "Min-jun Lead", "ml-lead@lotte.test");
    public static OidcTestUser MlLead2 { get; } = new("ml-lead-2", "MlLead", "Seo-yeon Lead", "ml-lead-2@lotte.test");
    public static OidcTestUser ProductLead { get; } = new("product-lead", "ProductLead", "Pat Product", "product-lead@lotte.test");
    public static OidcTestUser Admin { get; } = new("admin", "Admin", "Ada Admin", "admin@lotte.test");

    public static IReadOnlyList<OidcTestUser> All { get; } = [Viewer, Engineer, MlLead, MlLead2, ProductLead, Admin];
}
