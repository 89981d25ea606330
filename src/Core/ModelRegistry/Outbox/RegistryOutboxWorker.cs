using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lotte.Core.ModelRegistry.Outbox;

/// <summary>
/// Applies outbox entries to the registry, oldest first, exactly once: one replica at a time (advisory lock), and
/// before each attempt it asks the registry whether the move is already there, so a change applied just before a
/// crash is recorded, not repeated. Transient failures are retried with doubling delays up to the retry budget.
/// </summary>
public sealed class RegistryOutboxWorker(
    IDbContextFactory<LotteDbContext> contexts,
    IModelRegistry registry,
    ExperimentChangeFeed changes,
    IOptions<DatabaseOptions> database,
    IOptions<RegistryOutboxOptions> options,
    TimeProvider time,
    ILogger<RegistryOutboxWorker> logger) : BackgroundService
{
    /// <summary>Advisory lock key of the worker ("LOTTEREG").</summary>
    public const long LockKey = 0x4C4F5454_45524547;

    private const int BatchSize = 20;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Random _jitter = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        changes.Changed += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var lockConnection = new NpgsqlConnection(database.Value.ConnectionString);
                    await lockConnection.OpenAsync(stoppingToken);
                    if (await SingleReplicaLock.TryAcquireAsync(lockConnection, LockKey, stoppingToken))
                    {
                        logger.LogInformation("This replica now applies registry changes ({Registry})", registry.Name);
                        await WorkWhileLockedAsync(lockConnection, stoppingToken);
                    }
                }
                catch (Exception ex) when (DatabaseOutage.Is(ex))
                {
                    logger.LogWarning("Registry outbox interrupted: {Message}", ex.Message);
                }

                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
        finally
        {
            changes.Changed -= Wake;
        }
    }

    /// <summary>Applies every due entry now. Public so tests and operators can drive it.</summary>
    public async Task<int> ApplyDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var due = await db.RegistryOutbox
            .Where(c => c.Status == RegistryChangeStatus.Pending && c.NextAttemptAt <= now)
            .OrderBy(c => c.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var change in due)
        {
            await AttemptAsync(db, change, cancellationToken);
        }

        return due.Count;
    }

    private async Task AttemptAsync(LotteDbContext db, RegistryChange change, CancellationToken cancellationToken)
    {
        var attempt = new RegistryAttempt(change, options.Value, time, _jitter);
        try
        {
            var move = change.ToMove();
            if (await registry.IsAppliedAsync(move, cancellationToken))
            {
                attempt.Succeeded(RegistryChangeOutcome.AlreadyThere);
            }
            else
            {
                await registry.ApplyAsync(move, cancellationToken);
                attempt.Succeeded(RegistryChangeOutcome.Applied);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            attempt.Failed(ex);
        }

        if (attempt.AuditEntry(registry.Name) is { } audit)
        {
            db.AuditLog.Add(audit);
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({IngestionSql.ChangeChannel}, {change.ExperimentId.ToString()})", cancellationToken);
        attempt.Log(logger);
    }

    private async Task WorkWhileLockedAsync(NpgsqlConnection lockConnection, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            while (await ApplyDueAsync(stoppingToken) == BatchSize)
            {
            }

            await SingleReplicaLock.PingAsync(lockConnection, stoppingToken);
            await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    private void Wake(Guid experimentId)
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another change woke it first.
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
