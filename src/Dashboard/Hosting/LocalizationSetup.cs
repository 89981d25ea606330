using Lotte.Dashboard.Localization;
using Microsoft.AspNetCore.Localization;

namespace Lotte.Dashboard.Hosting;

public static class LocalizationSetup
{
    public static WebApplicationBuilder AddDashboardLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        return builder;
    }

    public static WebApplication UseDashboardLocalization(this WebApplication app)
    {
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture(DashboardCultures.English)
            .AddSupportedCultures(DashboardCultures.Supported)
            .AddSupportedUICultures(DashboardCultures.Supported));
        return app;
    }

    /// <summary><c>GET /culture/{culture}?redirect=/path</c>: remembers the language in a cookie and goes back.</summary>
    public static WebApplication MapCultureSwitch(this WebApplication app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? redirect, HttpContext context) =>
        {
            if (!DashboardCultures.Supported.Contains(culture))
            {
                return Results.BadRequest();
            }

            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(redirect is { Length: > 0 } && redirect.StartsWith('/') && !redirect.StartsWith("//", StringComparison.Ordinal) ? redirect : "/");
        }).ExcludeFromDescription();
        return app;
    }
}
