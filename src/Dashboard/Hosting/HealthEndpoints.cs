using Lotte.Core.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lotte.Dashboard.Hosting;

/// <summary>
/// Liveness (<c>/health/live</c>: the process answers, no dependency checked, so a database outage never restarts
/// pods) and readiness (<c>/health/ready</c>: every check tagged <see cref="ReadyTag"/> passes; today PostgreSQL).
/// Kubernetes probes use both paths (deploy/k8s/deployment.yaml).
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddDashboardHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: [ReadyTag]);
        // Extension point: the model registry's state joins readiness here, next to PostgreSQL, once its port exists:
        //     .AddCheck<ModelRegistryHealthCheck>("model-registry", HealthStatus.Degraded, tags: [ReadyTag])
        // Degraded keeps the replica in the Service (HTTP 200) while the outbox retries; Unhealthy would take it out.
        return builder;
    }

    public static WebApplication MapDashboardHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
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
