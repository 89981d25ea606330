using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Lotte.OidcProvider;

/// <summary>An OAuth error that OpenIddict writes to the client in the protocol's form (redirect or JSON).</summary>
internal static class OidcError
{
    public static IResult Forbid(string error, string description) =>
        Results.Forbid(Properties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    public static IResult Challenge(string error, string description) =>
        Results.Challenge(Properties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static AuthenticationProperties Properties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
