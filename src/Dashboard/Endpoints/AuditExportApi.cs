using System.Text;
using Lotte.Core.Auditing;
using Lotte.Dashboard.Auth;

namespace Lotte.Dashboard.Endpoints;

/// <summary><c>GET /audit/export.csv?actor=&amp;action=&amp;subject=&amp;from=&amp;to=</c>: the audit log as CSV, for admins.</summary>
public static class AuditExportApi
{
    public const int MaxRows = 100_000;

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit/export.csv", async (string? actor, string? action, string? subject, DateTimeOffset? from, DateTimeOffset? to, AuditTrail trail,
                CancellationToken cancellationToken) =>
            {
                var entries = await trail.SearchAsync(new AuditFilter(actor, action, subject, from, to), MaxRows, cancellationToken);
                return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditCsv.Write(entries))).ToArray(),
                    "text/csv; charset=utf-8", $"lotte-audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
            })
            .RequireAuthorization(DashboardPolicies.Administer)
            .ExcludeFromDescription();
        return app;
    }
}
