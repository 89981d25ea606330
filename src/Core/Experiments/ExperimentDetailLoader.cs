using Lotte.Core.Analysis;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Experiments;

/// <summary>Loads an <see cref="ExperimentDetail"/>: a handful of indexed queries over sufficient statistics, never raw events.</summary>
public sealed class ExperimentDetailLoader(
    IDbContextFactory<LotteDbContext> contexts,
    ExperimentStatisticsReader statistics,
    EvaluationStore evaluations,
    LiveDecisions live,
    TimeProvider time)
{
    public const int MaxChartPoints = 300;
    private const int AuditEntries = 100;

    public async Task<ExperimentDetail?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var experiment = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
        if (experiment is null)
        {
            return null;
        }

        var (totals, series) = await statistics.TotalsAndSeriesAsync(experiment.Id, MaxChartPoints, cancellationToken);
        var decision = await live.EvaluateAsync(experiment, totals, cancellationToken);
        var looks = await evaluations.HistoryAsync(experiment.Id, MaxChartPoints, cancellationToken);
        var versions = await db.ModelVersions.AsNoTracking()
            .Where(v => v.ModelName == experiment.ModelName && (v.Version == experiment.ProductionVersion || v.Version == experiment.StagingVersion))
            .ToListAsync(cancellationToken);
        var audit = await db.AuditLog.AsNoTracking()
            .Where(a => a.ExperimentId == experiment.Id)
            .OrderByDescending(a => a.Id).Take(AuditEntries)
            .ToListAsync(cancellationToken);
        return new ExperimentDetail(experiment, totals, series, looks, decision,
            versions.FirstOrDefault(v => v.Version == experiment.ProductionVersion),
            versions.FirstOrDefault(v => v.Version == experiment.StagingVersion),
            audit, time.GetUtcNow());
    }
}
