namespace Lotte.OidcProvider;

/// <summary>One user per role of the dashboard, and a second ML lead (for approvals by someone else), all with one test password.</summary>
internal static class DefaultUsers
{
    public const string Password = "Passw0rd!";

    public static IEnumerable<ProviderUser> Create()
    {
        yield return User("viewer", "Vivian Viewer", "Viewer");
        yield return User("engineer", "Eun-ji Engineer", "MlEngineer");
        yield return User("ml-lead", "Min-jun Lead", "MlLead");
        yield return User("ml-lead-2", "Seo-yeon Lead", "MlLead");
        yield return User("product-lead", "Pat Product", "ProductLead");
        yield return User("admin", "Ada Admin", "Admin");
    }

    private static ProviderUser User(string username, string displayName, string role) => new()
    {
        Username = username,
        Password = Password,
        DisplayName = displayName,
        Email = $"{username}@lotte.test",
        Roles = { role },
    };
}
