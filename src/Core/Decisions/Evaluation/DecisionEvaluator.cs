using Lotte.Core.Drift;
using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;
using Lotte.Core.ModelRegistry.Outbox;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lotte.Core.Decisions.Evaluation;

/// <summary>
/// Takes a look at every live experiment with new data once per look interval: evaluates, persists the
/// look, applies the decision. Exactly one replica evaluates at a time: the one holding a PostgreSQL
/// advisory lock on a dedicated connection; if it dies, its connection and lock go, and another takes over.
/// </summary>
public sealed class DecisionEvaluator(
    IDbContextFactory<LotteDbContext> contexts,
    LiveDecisions live,
    IOptions<DatabaseOptions> database,
    IOptions<DecisionEvaluatorOptions> options,
    TimeProvider time,
    ILogger<DecisionEvaluator> logger,
    DriftStore? drifts = null) : BackgroundService
{
    /// <summary>Advisory lock key of the evaluator ("LOTTEDEC").</summary>
    public const long LockKey = 0x4C4F54544544_4543;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await SingleReplicaLock.RunWhileElectedAsync(database.Value.ConnectionString, LockKey, options.Value.LookInterval, time, logger,
            "decision evaluator", LookPeriodicallyAsync, stoppingToken);
    }

    /// <summary>Looks at every live experiment now. Public so that tests and operators can force a look.</summary>
    public async Task<int> LookOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.Experiments
            .Where(e => e.Status == ExperimentStatus.Running || e.Status == ExperimentStatus.AwaitingApproval || e.Status == ExperimentStatus.Paused)
            .Select(e => new
            {
                e.Id,
                LastEvent = db.IngestionTotals.Where(t => t.ExperimentId == e.Id).Select(t => t.LastEventAt).FirstOrDefault(),
                LastLook = db.DecisionEvaluations.Where(d => d.ExperimentId == e.Id).Max(d => (DateTimeOffset?)d.EvaluatedAt),
            })
            .Where(e => e.LastEvent != null && (e.LastLook == null || e.LastEvent > e.LastLook))
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await LookAsync(id, cancellationToken);
        }

        return due.Count;
    }

    private async Task LookAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var experiment = await db.Experiments.SingleAsync(e => e.Id == experimentId, cancellationToken);
        var now = time.GetUtcNow();
        var previousDecision = await db.DecisionEvaluations.Where(e => e.ExperimentId == experimentId)
            .OrderByDescending(e => e.Id).Select(e => e.Decision).FirstOrDefaultAsync(cancellationToken);
        var drift = drifts is null ? null : await drifts.LookAsync(experiment, now, cancellationToken);
        var previousDriftLevel = drift is null ? null : await db.DriftLooks.Where(d => d.ExperimentId == experimentId)
            .OrderByDescending(d => d.Id).Select(d => d.Level).FirstOrDefaultAsync(cancellationToken);
        var (_, result) = await live.EvaluateAsync(experiment, drift?.Assessment, cancellationToken);
        db.DecisionEvaluations.Add(EvaluationStore.ToRow(experiment.Id, result, now));
        if (drift is { Row: var driftRow })
        {
            db.DriftLooks.Add(driftRow);
        }

        var before = experiment.Status;
        if ((DecisionApplier.Apply(experiment, result, now) ?? DecisionApplier.Changed(experiment, previousDecision, result, now)) is { } audit)
        {
            db.AuditLog.Add(audit);
            logger.LogInformation("Experiment {Experiment}: {Action}", experiment.Key, audit.Action);
        }

        if (drift is { Assessment: { Level: DriftLevel.Alert } assessment } && previousDriftLevel != nameof(DriftLevel.Alert))
        {
            db.AuditLog.Add(DecisionApplier.DriftAlert(experiment, assessment, now)); // audited, and so notified, when it starts
        }

        if (RegistryOutbox.ChangeFor(experiment, before, RegistryOutbox.AutomaticApproval, now) is { } change)
        {
            db.RegistryOutbox.Add(change); // committed with the rollback (share 0) or the auto-applied promotion
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({IngestionSql.ChangeChannel}, {experiment.Id.ToString()})", cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A lead changed the experiment meanwhile: their decision stands; the next look sees it.
            logger.LogInformation("Experiment {Experiment} changed during a look; looking again next time", experiment.Key);
        }
    }

    private async Task LookPeriodicallyAsync(NpgsqlConnection lockConnection, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LookInterval, time);
        do
        {
            await LookOnceAsync(stoppingToken);
            await SingleReplicaLock.PingAsync(lockConnection, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
