using System.Collections.Concurrent;
using Lotte.Core.Experiments;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Assignment;

/// <summary>
/// Each replica's view of the experiments' assignment settings. An entry is trusted for at most
/// <see cref="MaxAge"/> from the moment its load started; a change notification (LISTEN/NOTIFY) evicts it at
/// once, so a rollback reaches every replica's answers well within a second even if a notification is lost.
/// Loads are single-flight: when an entry expires, one request loads it and the others await that same load.
/// </summary>
public sealed class ExperimentConfigCache(IDbContextFactory<LotteDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, Entry> _byKey = new(StringComparer.Ordinal);

    public async ValueTask<AssignmentConfig?> GetAsync(string experimentKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            _byKey.TryGetValue(experimentKey, out var entry);
            if (entry is not null && (!entry.Load.IsCompleted || (entry.Load.IsCompletedSuccessfully && now - entry.StartedAt < MaxAge)))
            {
                return await entry.Load.WaitAsync(cancellationToken);
            }

            // Expired, failed or absent: whoever swaps in the new entry loads it; a loser retries and awaits the winner.
            var load = new TaskCompletionSource<AssignmentConfig?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var fresh = new Entry(load.Task, now);
            var won = entry is null ? _byKey.TryAdd(experimentKey, fresh) : _byKey.TryUpdate(experimentKey, fresh, entry);
            if (won)
            {
                _ = LoadAsync(experimentKey, load);
                return await fresh.Load.WaitAsync(cancellationToken);
            }
        }
    }

    public void Evict(Guid experimentId)
    {
        foreach (var (key, entry) in _byKey)
        {
            // A load still in flight may have read the old row: drop it too, the next request loads again.
            var config = entry.Load.IsCompletedSuccessfully ? entry.Load.Result : null;
            if (config is null || config.ExperimentId == experimentId || experimentId == ExperimentChangeFeed.Everything)
            {
                _byKey.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    /// <summary>Not tied to the first caller's cancellation: the others are waiting for the same answer.</summary>
    private async Task LoadAsync(string experimentKey, TaskCompletionSource<AssignmentConfig?> load)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            load.SetResult(await db.Experiments
                .AsNoTracking()
                .Where(e => e.Key == experimentKey)
                .Select(e => new AssignmentConfig(e.Id, e.Key, e.HashSeed, e.Status, e.Mode, e.StagingShare, e.StagingShareLow,
                    e.StagingShareHigh, e.StartedAt, e.ModelName, e.ProductionVersion, e.StagingVersion, e.RowVersion))
                .SingleOrDefaultAsync());
        }
        catch (Exception ex)
        {
            load.SetException(ex);
        }
    }

    private sealed record Entry(Task<AssignmentConfig?> Load, DateTimeOffset StartedAt);
}
