namespace Lotte.Dashboard.Auth;

/// <summary>
/// Settings of the "Auth" section. OpenID Connect is used whenever an authority is configured; without
/// one, only Development offers the local demo sign-in, and any other environment refuses to start.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public OidcSettings Oidc { get; set; } = new();

    /// <summary>Provider role → product role (e.g. "ab-ml-leads" → "MlLead"); unmapped names pass through.</summary>
    public Dictionary<string, string> RoleMapping { get; set; } = new(StringComparer.Ordinal);

    public bool UsesOidc => !string.IsNullOrWhiteSpace(Oidc.Authority);

    public sealed class OidcSettings
    {
        public string? Authority { get; set; }
        public string? ClientId { get; set; }

        /// <summary>A secret: from the environment or a secret store (Auth__Oidc__ClientSecret), never appsettings.json.</summary>
        public string? ClientSecret { get; set; }

        public string[] Scopes { get; set; } = ["openid", "profile", "email", "roles"];

        /// <summary>Name of the claim carrying the roles in the id_token / userinfo.</summary>
        public string RoleClaim { get; set; } = "roles";

        public string NameClaim { get; set; } = "name";

        /// <summary>Only a provider on loopback in tests may be reached over plain HTTP.</summary>
        public bool RequireHttpsMetadata { get; set; } = true;
    }
}
