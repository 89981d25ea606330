using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lotte.Core.Persistence;

/// <summary>Applies pending EF Core migrations; used at start-up in Development and by the migrate command.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<LotteDbContext> contexts, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("Database schema is up to date");
            return;
        }

        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
    }
}
