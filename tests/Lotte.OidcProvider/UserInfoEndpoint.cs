using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lotte.OidcProvider;

/// <summary>The userinfo endpoint, after OpenIddict has validated the access token: the claims its scopes release.</summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, UserDirectory users)
    {
        var token = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = users.Find(token.Principal?.GetClaim(Claims.Subject));
        if (token.Principal is null || user is null)
        {
            return OidcError.Challenge(Errors.InvalidToken, "The user of this access token no longer exists.");
        }

        return Results.Ok(UserClaims.Released(user, token.Principal.HasScope));
    }
}
