using Lotte.Core.ModelRegistry;
using Lotte.Core.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lotte.Dashboard.Hosting;

/// <summary>
/// Liveness (<c>/health/live</c>: the process answers, no dependency checked, so a database outage never restarts
/// pods) and readiness (<c>/health/ready</c>: every check tagged <see cref="ReadyTag"/>: PostgreSQL, and the model
/// registry's state — Degraded, still 200, when the registry is unreachable, since the outbox waits for it). The
/// readiness answer is JSON: the overall status and each check's status and description.
/// Kubernetes probes use both paths (deploy/k8s/deployment.yaml).
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddDashboardHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: [ReadyTag])
            // Degraded keeps the replica in the Service (HTTP 200) while the outbox retries; Unhealthy would take it out.
            .AddCheck<ModelRegistryHealthCheck>("model-registry", HealthStatus.Degraded, tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapDashboardHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        });
        return app;
    }

    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }

    private sealed class ModelRegistryHealthCheck(IModelRegistry registry) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var health = await registry.CheckHealthAsync(cancellationToken);
            var description = $"{health.Registry}: {health.Detail}";
            return health.Reachable ? HealthCheckResult.Healthy(description) : new HealthCheckResult(context.Registration.FailureStatus, description);
        }
    }

    private sealed class PostgresHealthCheck(IDbContextFactory<LotteDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("PostgreSQL is unreachable");
        }
    }
}
