namespace Lotte.OidcProvider;

/// <summary>A user who can sign in, as configured (Provider:Users:N:…). The username is also the subject (sub).</summary>
public sealed class ProviderUser
{
    public string Username { get; set; } = "";

    /// <summary>Kept in plain text: this provider only serves tests and local runs.</summary>
    public string Password { get; set; } = "";

    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public List<string> Roles { get; } = [];
}
