namespace Lotte.OidcProvider;

/// <summary>
/// The provider's own sign-in session. Browsers scope cookies by host, not port, so the dashboard on
/// another 127.0.0.1 port sees these cookies: they carry names of their own instead of ASP.NET Core's
/// defaults, which the dashboard may use too.
/// </summary>
internal static class ProviderCookies
{
    public const string Scheme = "ProviderSession";
    public const string Session = "lotte-oidc-provider.session";
    public const string Antiforgery = "lotte-oidc-provider.antiforgery";
}
