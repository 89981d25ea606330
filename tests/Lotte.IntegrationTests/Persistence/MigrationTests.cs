using Lotte.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Persistence;

public class MigrationTests
{
    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndMatchesTheModel()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var db = database.CreateContext();
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: add a migration.");
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesSnakeCaseTablesOfTheWholeProduct()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'public'")
            .ToListAsync(TestContext.Current.CancellationToken);

        string[] expected =
        [
            "experiments", "units", "raw_events", "arm_statistics", "decision_evaluations", "lead_actions",
            "audit_log", "registered_models", "model_versions", "registry_outbox", "api_keys",
        ];
        Assert.All(expected, table => Assert.Contains(table, tables));
    }
}
