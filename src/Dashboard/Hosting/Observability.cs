using Lotte.Core.Ingestion;
using OpenTelemetry.Metrics;

namespace Lotte.Dashboard.Hosting;

/// <summary>Metrics through System.Diagnostics.Metrics, exported in Prometheus format at /metrics.</summary>
public static class Observability
{
    private const string BlazorCircuitsMeter = "Microsoft.AspNetCore.Components.Server.Circuits";

    public static WebApplicationBuilder AddDashboardObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IngestionMetrics.MeterName)
            // Blazor's own: circuits held in memory (connected or not) and connected ones, per replica.
            .AddMeter(BlazorCircuitsMeter)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapDashboardMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
