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
        // API requests get problem details for every failure; pages get friendly pages.
        app.UseWhen(context => context.IsApiRequest(), api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(context => !context.IsApiRequest(), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/error", createScopeForErrors: true);
            }

            pages.UseStatusCodePagesWithReExecute("/not-found");
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }
}
