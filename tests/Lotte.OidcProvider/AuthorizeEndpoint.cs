using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lotte.OidcProvider;

/// <summary>
/// The authorization endpoint, after OpenIddict has validated the request (client, redirect URI, PKCE):
/// a signed-in user gets a code at once (implicit consent: the dashboard is the company's own app);
/// anyone else goes to the login page and comes back here.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, UserDirectory users)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(ProviderCookies.Scheme);
        var user = session.Succeeded ? users.Find(session.Principal.Identity?.Name) : null;
        if (user is null)
        {
            return request.HasPromptValue(PromptValues.None)
                ? OidcError.Forbid(Errors.LoginRequired, "The user is not signed in.")
                : Results.Challenge(new AuthenticationProperties { RedirectUri = BackHere(context, request) }, [ProviderCookies.Scheme]);
        }

        var identity = UserIdentity.Create(user, request.GetScopes());
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>This endpoint with the request's parameters as a query, whether they came by GET or POST.</summary>
    private static string BackHere(HttpContext context, OpenIddictRequest request) =>
        context.Request.PathBase + context.Request.Path +
        QueryString.Create(request.GetParameters().Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
}
