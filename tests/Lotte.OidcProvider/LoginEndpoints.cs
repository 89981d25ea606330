using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Lotte.OidcProvider;

/// <summary>
/// The login form (ids username, password, sign-in for browser tests) and its post. Success starts the
/// provider's cookie session and returns to the authorization request; a wrong password shows the form again.
/// </summary>
internal static class LoginEndpoints
{
    public const string WrongCredentials = "The username or password is incorrect.";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(ProviderPaths.Login, (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            Form(context, antiforgery, returnUrl, username: null, error: null));
        app.MapPost(ProviderPaths.Login, SignInAsync);
        app.MapGet(ProviderPaths.Home, () => HtmlPage.Result("Lotte", "<p>Sign-in starts from the dashboard.</p>"));
        app.MapGet(ProviderPaths.SignedOut, () => HtmlPage.Result("Signed out", "<p>You are signed out.</p>"));
    }

    // [FromForm] makes the antiforgery middleware validate the token before this runs.
    private static async Task<IResult> SignInAsync([FromForm] LoginForm form, HttpContext context, IAntiforgery antiforgery, UserDirectory users)
    {
        var user = users.FindWithPassword(form.Username, form.Password);
        if (user is null)
        {
            return Form(context, antiforgery, form.ReturnUrl, form.Username, WrongCredentials);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Username)], ProviderCookies.Scheme);
        await context.SignInAsync(ProviderCookies.Scheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(LocalOrHome(form.ReturnUrl));
    }

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? username, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var errorLine = error is null ? "" : $"""<p id="error" class="error" role="alert">{HtmlPage.Encode(error)}</p>""";
        return HtmlPage.Result("Sign in", $"""
            {errorLine}
            <form method="post" action="{ProviderPaths.Login}">
              <input type="hidden" name="{HtmlPage.Encode(tokens.FormFieldName)}" value="{HtmlPage.Encode(tokens.RequestToken)}">
              <input type="hidden" name="returnUrl" value="{HtmlPage.Encode(LocalOrHome(returnUrl))}">
              <label for="username">Username</label>
              <input id="username" name="username" autocomplete="username" required value="{HtmlPage.Encode(username)}">
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button id="sign-in" type="submit">Sign in</button>
            </form>
            """);
    }

    /// <summary>Only a path on this provider (no open redirect through the login form).</summary>
    private static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : ProviderPaths.Home;
}
