using MudBlazor.Services;

namespace Lotte.Dashboard.Hosting;

public static class DashboardUi
{
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseDashboardPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }
}
