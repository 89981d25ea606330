using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Lotte.Dashboard.Auth;

/// <summary>Sign-in and sign-out. Sign-out also ends the provider's session (RP-initiated logout).</summary>
public static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        account.MapGet("/login", (string? returnUrl, IOptions<AuthOptions> options, IHostEnvironment environment) =>
        {
            var target = LocalOrRoot(returnUrl);
            if (options.Value.UsesOidc)
            {
                return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [OpenIdConnectDefaults.AuthenticationScheme]);
            }

            return environment.IsDevelopment()
                ? Results.Redirect($"/account/dev-login?returnUrl={Uri.EscapeDataString(target)}")
                : Results.NotFound();
        });
        account.MapPost("/dev-login", DevelopmentSignInAsync);
        account.MapPost("/logout", SignOutAsync).RequireAuthorization();
        return app;
    }

    /// <summary>The Development-only demo sign-in: refused (404) wherever OpenID Connect is configured or outside Development.</summary>
    private static async Task<IResult> DevelopmentSignInAsync([FromForm] string account, [FromForm] string? returnUrl, HttpContext context,
        IOptions<AuthOptions> options, IHostEnvironment environment, SignInAudit audit)
    {
        if (options.Value.UsesOidc || !environment.IsDevelopment())
        {
            return Results.NotFound();
        }

        var demo = DemoAccounts.All.FirstOrDefault(a => a.Name == account);
        if (demo.Name is null)
        {
            await audit.FailedAsync(account, "unknown demo account");
            return Results.Redirect("/account/dev-login?failed=1");
        }

        var identity = new ClaimsIdentity(
            [new Claim("sub", demo.Name), new Claim("name", demo.DisplayName), new Claim("roles", demo.Role)],
            "Development", nameType: "name", roleType: "roles");
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(LocalOrRoot(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IOptions<AuthOptions> options)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return options.Value.UsesOidc
            ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.LocalRedirect("/");
    }

    private static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
