using System.Collections.Concurrent;
using Lotte.Core.Experiments;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Assignment;

/// <summary>
/// Each replica's view of the experiments' assignment settings. An entry is trusted for at most
/// <see cref="MaxAge"/>; a change notification (LISTEN/NOTIFY) evicts it at once, so a rollback reaches
/// every replica's answers well within a second even if a notification is lost.
/// </summary>
public sealed class ExperimentConfigCache(IDbContextFactory<LotteDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, Entry> _byKey = new(StringComparer.Ordinal);

    public async ValueTask<AssignmentConfig?> GetAsync(string experimentKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_byKey.TryGetValue(experimentKey, out var entry) && now - entry.LoadedAt < MaxAge)
        {
            return entry.Config;
        }

        var config = await LoadAsync(experimentKey, cancellationToken);
        _byKey[experimentKey] = new Entry(config, now);
        return config;
    }

    public void Evict(Guid experimentId)
    {
        foreach (var (key, entry) in _byKey)
        {
            if (entry.Config is null || entry.Config.ExperimentId == experimentId || experimentId == ExperimentChangeFeed.Everything)
            {
                _byKey.TryRemove(key, out _);
            }
        }
    }

    private async Task<AssignmentConfig?> LoadAsync(string experimentKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Experiments
            .AsNoTracking()
            .Where(e => e.Key == experimentKey)
            .Select(e => new AssignmentConfig(e.Id, e.Key, e.HashSeed, e.Status, e.Mode, e.StagingShare, e.StagingShareLow,
                e.StagingShareHigh, e.StartedAt, e.ModelName, e.ProductionVersion, e.StagingVersion, e.RowVersion))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private sealed record Entry(AssignmentConfig? Config, DateTimeOffset LoadedAt);
}
