using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.ModelRegistry;

/// <summary>Read side of the built-in model registry.</summary>
public sealed class ModelCatalog(IDbContextFactory<LotteDbContext> contexts)
{
    public async Task<IReadOnlyList<RegisteredModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RegisteredModels
            .AsNoTracking()
            .Include(m => m.Versions.OrderByDescending(v => v.CreatedAt))
            .OrderBy(m => m.Name)
            .ToListAsync(cancellationToken);
    }
}
