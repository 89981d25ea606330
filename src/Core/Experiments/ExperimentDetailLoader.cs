using Lotte.Core.Analysis;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Drift;
using Lotte.Core.ModelRegistry;
using Lotte.Core.ModelRegistry.Outbox;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Experiments;

/// <summary>Loads an <see cref="ExperimentDetail"/>: a handful of indexed queries over sufficient statistics, never raw events.</summary>
public sealed class ExperimentDetailLoader(
    IDbContextFactory<LotteDbContext> contexts,
    ExperimentStatisticsReader statistics,
    EvaluationStore evaluations,
    LiveDecisions live,
    ModelCatalog models,
    RegistryChanges changes,
    ServingLatencyReader latency,
    TimeProvider time,
    DriftStore? drifts = null)
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
        var productionModel = await models.FindVersionOrNullAsync(experiment.ModelName, experiment.ProductionVersion, cancellationToken);
        var stagingModel = await models.FindVersionOrNullAsync(experiment.ModelName, experiment.StagingVersion, cancellationToken);
        var registryChanges = await changes.ForExperimentAsync(experiment.Id, cancellationToken);
        var audit = await db.AuditLog.AsNoTracking()
            .Where(a => a.ExperimentId == experiment.Id)
            .OrderByDescending(a => a.Id).Take(AuditEntries)
            .ToListAsync(cancellationToken);
        var shadowLatency = experiment.Mode == ExperimentMode.Shadow ? await latency.RecentAsync(experiment.Id, cancellationToken) : [];
        return new ExperimentDetail(experiment, totals, series, looks, decision, productionModel, stagingModel,
            audit, registryChanges, time.GetUtcNow())
        {
            ShadowLatency = shadowLatency,
            Drift = drifts is null ? null : await drifts.LatestAsync(experiment.Id, cancellationToken),
            DriftHistory = drifts is null ? [] : await drifts.HistoryAsync(experiment.Id, MaxChartPoints, cancellationToken),
        };
    }
}
