namespace Lotte.Testing;

/// <summary>A user of the test OpenID Connect provider: what to type in its login form, and the claims it issues.</summary>
public sealed record OidcTestUser(string Username, string Role, string DisplayName, string Email)
{
    public string Password => OidcTestUsers.Password;
}
