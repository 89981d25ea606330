using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Experiments;

/// <summary>Read side of experiments for the list: each with its totals and live decision (sufficient statistics only).</summary>
public sealed class ExperimentCatalog(IDbContextFactory<LotteDbContext> contexts, LiveDecisions live) : IExperimentCatalog
{
    public async Task<IReadOnlyList<ExperimentOverview>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var experiments = await db.Experiments.AsNoTracking()
            .OrderByDescending(e => e.StartedAt ?? e.CreatedAt)
            .ToListAsync(cancellationToken);
        var overviews = new List<ExperimentOverview>(experiments.Count);
        foreach (var e in experiments)
        {
            var (totals, decision) = await live.EvaluateAsync(e, cancellationToken);
            overviews.Add(new ExperimentOverview(
                new ExperimentSummary(e.Id, e.Key, e.Name, e.ModelName, e.ProductionVersion, e.StagingVersion, e.Status, e.Mode,
                    e.StagingShare, e.CreatedAt, e.StartedAt),
                totals, decision));
        }

        return overviews;
    }
}
