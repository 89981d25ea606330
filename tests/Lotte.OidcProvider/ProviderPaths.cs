namespace Lotte.OidcProvider;

/// <summary>Where the provider's endpoints are (discovery and JWKS keep OpenIddict's standard .well-known paths).</summary>
internal static class ProviderPaths
{
    public const string Home = "/";
    public const string Authorize = "/connect/authorize";
    public const string Token = "/connect/token";
    public const string UserInfo = "/connect/userinfo";
    public const string EndSession = "/connect/endsession";
    public const string Login = "/account/login";
    public const string SignedOut = "/account/signed-out";
}
