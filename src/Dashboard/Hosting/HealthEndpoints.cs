using Lotte.Core.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lotte.Dashboard.Hosting;

/// <summary>Liveness (the process answers) and readiness (PostgreSQL answers too).</summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddDashboardHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql", tags: [ReadyTag]);
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
