using Microsoft.AspNetCore.Diagnostics;
using Lotte.Dashboard.ViewModels;
using MudBlazor.Services;

namespace Lotte.Dashboard.Hosting;

public static class DashboardUi
{
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<DebouncedChanges>();
        builder.Services.AddSingleton<LiveExperimentList>();
        builder.Services.AddSingleton<LiveExperimentDetails>();
        builder.Services.AddSingleton<PolicyForecaster>();
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseDashboardPipeline(this WebApplication app)
    {
        // Pages get friendly error pages (re-executed through routing, so registered on the app itself)...
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found");

        // ...but only browser navigations: a script's 401/403 stays a 401/403, and API requests get RFC 7807
        // problem details for every failure instead.
        app.Use((context, next) =>
        {
            var browserNavigation = HttpMethods.IsGet(context.Request.Method) && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);
            if ((context.IsApiRequest() || !browserNavigation) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
        app.UseWhen(context => context.IsApiRequest(), api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseDashboardLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }
}
