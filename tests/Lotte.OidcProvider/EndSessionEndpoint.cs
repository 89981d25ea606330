using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Lotte.OidcProvider;

/// <summary>
/// RP-initiated logout, after OpenIddict has validated id_token_hint and checked that
/// post_logout_redirect_uri is registered for the client: ends the provider session, then OpenIddict
/// redirects to post_logout_redirect_uri (with state), or to the signed-out page when none was given.
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        await context.SignOutAsync(ProviderCookies.Scheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = ProviderPaths.SignedOut },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
