using Lotte.Core.Ingestion;
using Lotte.Core.Monitoring;
using OpenTelemetry.Metrics;

namespace Lotte.Dashboard.Hosting;

/// <summary>
/// Metrics through System.Diagnostics.Metrics, exported in Prometheus format at /metrics: the service APIs'
/// instruments, the operations gauges (experiments, decisions, ingestion lag, registry outbox) read from a snapshot
/// refreshed every few seconds, and ASP.NET Core's and the runtime's. Names are listed in docs/operations.md.
/// </summary>
public static class Observability
{
    private const string BlazorCircuitsMeter = "Microsoft.AspNetCore.Components.Server.Circuits";

    public static WebApplicationBuilder AddDashboardObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MonitoringOptions>().BindConfiguration(MonitoringOptions.SectionName)
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Monitoring:RefreshInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OperationsSnapshotReader>();
        builder.Services.AddSingleton<OperationsSnapshotRefresher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OperationsSnapshotRefresher>());
        builder.Services.AddSingleton<OperationsMetrics>();

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IngestionMetrics.MeterName, OperationsMetrics.MeterName)
            // Blazor's own: circuits held in memory (connected or not) and connected ones, per replica.
            .AddMeter(BlazorCircuitsMeter)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapDashboardMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<OperationsMetrics>(); // creates the observable instruments
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
