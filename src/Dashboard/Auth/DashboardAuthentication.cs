using Lotte.Core.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lotte.Dashboard.Auth;

/// <summary>
/// Sign-in for people: a cookie session, opened by OpenID Connect (authorization code + PKCE) when an
/// authority is configured, or by the local demo sign-in in Development. Role claims become the product's
/// roles; every page needs one of them. Data Protection keys live in PostgreSQL, shared by replicas.
/// </summary>
public static class DashboardAuthentication
{
    public const string CookieName = "lotte.auth";

    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        var settings = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();

        builder.Services.AddDataProtection().SetApplicationName("Lotte.Dashboard");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new PostgresXmlRepository(services.GetRequiredService<IDbContextFactory<LotteDbContext>>())));

        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = settings.UsesOidc ? OpenIdConnectDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // A person's browser is sent to sign in; a script (a form post, a CSV download) gets a plain 401/403.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        if (settings.UsesOidc)
        {
            authentication.AddOpenIdConnect(options => ConfigureOidc(options, settings.Oidc));
        }

        builder.Services.AddSingleton<SignInAudit>();
        builder.Services.AddTransient<IClaimsTransformation, RoleMappingTransformation>();
        builder.Services.AddAuthorizationBuilder().AddDashboardPolicies();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsBrowserNavigation(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }

    private static bool IsBrowserNavigation(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);

    private static void ConfigureOidc(OpenIdConnectOptions options, AuthOptions.OidcSettings oidc)
    {
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = oidc.ClientSecret;
        options.ResponseType = "code";
        options.UsePkce = true;
        options.SaveTokens = true; // the id_token is the hint that ends the provider's session at sign-out
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.Scope.Clear();
        foreach (var scope in oidc.Scopes)
        {
            options.Scope.Add(scope);
        }

        options.ClaimActions.MapJsonKey(oidc.RoleClaim, oidc.RoleClaim);
        options.TokenValidationParameters.NameClaimType = oidc.NameClaim;
        options.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
        options.Events.OnRedirectToIdentityProvider = context =>
        {
            if (!IsBrowserNavigation(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.HandleResponse();
            }

            return Task.CompletedTask;
        };
        options.Events.OnRemoteFailure = async context =>
        {
            await context.HttpContext.RequestServices.GetRequiredService<SignInAudit>().FailedAsync("(unknown)", context.Failure?.Message ?? "remote failure");
            context.Response.Redirect("/account/failed");
            context.HandleResponse();
        };
    }
}
