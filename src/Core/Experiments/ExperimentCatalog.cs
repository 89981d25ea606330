using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Experiments;

/// <summary>Read side of experiments for lists and pages.</summary>
public sealed class ExperimentCatalog(IDbContextFactory<LotteDbContext> contexts) : IExperimentCatalog
{
    public async Task<IReadOnlyList<ExperimentSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Experiments
            .AsNoTracking()
            .OrderByDescending(e => e.StartedAt ?? e.CreatedAt)
            .Select(e => new ExperimentSummary(e.Id, e.Key, e.Name, e.ModelName, e.ProductionVersion,
                e.StagingVersion, e.Status, e.Mode, e.StagingShare, e.CreatedAt, e.StartedAt))
            .ToListAsync(cancellationToken);
    }
}
