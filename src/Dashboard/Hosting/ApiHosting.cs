using Lotte.Dashboard.Auth;
using Lotte.Dashboard.Endpoints;

namespace Lotte.Dashboard.Hosting;

/// <summary>The service API: API-key auth, problem details for every failure, an OpenAPI document.</summary>
public static class ApiHosting
{
    public static WebApplicationBuilder AddServiceApi(this WebApplicationBuilder builder)
    {
        builder.AddApiKeyAuthentication();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return builder;
    }

    public static WebApplication MapServiceApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAssignmentApi();
        app.MapEventsApi();
        app.MapLeadActionsApi();
        app.MapAuditExport();
        return app;
    }

    public static bool IsApiRequest(this HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
