using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Auditing;

/// <summary>Read side of the append-only audit log.</summary>
public sealed class AuditTrail(IDbContextFactory<LotteDbContext> contexts)
{
    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog
            .AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
    }
}
