namespace Lotte.OidcProvider;

/// <summary>
/// The "Provider" configuration section: the one registered client (the dashboard) and the users who
/// can sign in. Lists left empty get defaults that suit the dashboard started by the run command.
/// </summary>
public sealed class ProviderOptions
{
    public const string Section = "Provider";

    public string ClientId { get; set; } = "lotte-dashboard";
    public string ClientSecret { get; set; } = "lotte-dashboard-secret";

    /// <summary>Absolute callback URIs of the client (the dashboard's port is only known when it starts).</summary>
    public List<string> RedirectUris { get; } = [];

    public List<string> PostLogoutRedirectUris { get; } = [];

    public List<ProviderUser> Users { get; } = [];

    public void ApplyDefaults()
    {
        if (RedirectUris.Count == 0)
        {
            RedirectUris.Add("http://127.0.0.1:5000/signin-oidc");
        }

        if (PostLogoutRedirectUris.Count == 0)
        {
            PostLogoutRedirectUris.Add("http://127.0.0.1:5000/signout-callback-oidc");
        }

        if (Users.Count == 0)
        {
            Users.AddRange(DefaultUsers.Create());
        }
    }
}
