using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lotte.OidcProvider;

/// <summary>
/// The token endpoint, after OpenIddict has checked the client secret, the code and its code_verifier:
/// issues the tokens with the user's current claims (a user removed since the code was issued gets none).
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, UserDirectory users)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType())
        {
            return OidcError.Forbid(Errors.UnsupportedGrantType, "Only the authorization code grant is supported.");
        }

        var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = users.Find(code.Principal?.GetClaim(Claims.Subject));
        if (code.Principal is null || user is null)
        {
            return OidcError.Forbid(Errors.InvalidGrant, "The user of this code no longer exists.");
        }

        var identity = UserIdentity.Create(user, code.Principal.GetScopes(), code.Principal.Claims);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
