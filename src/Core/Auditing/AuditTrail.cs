using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Auditing;

/// <summary>Read side of the append-only audit log.</summary>
public sealed class AuditTrail(IDbContextFactory<LotteDbContext> contexts)
{
    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken cancellationToken = default) =>
        await SearchAsync(new AuditFilter(), count, cancellationToken);

    /// <summary>The newest entries matching the filter (each part optional), newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditFilter filter, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(a => a.ActorName.Contains(filter.Actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action.StartsWith(filter.Action));
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            query = query.Where(a => a.Subject != null && a.Subject.Contains(filter.Subject));
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.At < to);
        }

        return await query.OrderByDescending(a => a.Id).Take(count).ToListAsync(cancellationToken);
    }
}
