using Lotte.Core.Ingestion.Projection;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lotte.Testing;

/// <summary>
/// A throwaway database on the real PostgreSQL server: created and migrated for a test run, emptied
/// between tests with <see cref="ResetAsync"/>, dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(LocalPostgres.AdminConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        await LocalPostgres.EnsureRunningAsync();
        var database = new TestDatabase($"lotte_test_{Guid.NewGuid():N}"[..24]);
        await database.AdminAsync($"CREATE DATABASE \"{database.Name}\"");
        if (migrate)
        {
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    public LotteDbContext CreateContext() => CreateContext(ConnectionString);

    /// <summary>A context on any database with the dashboard's schema (e.g. one on a <see cref="ThrowawayPostgres"/> cluster).</summary>
    public static LotteDbContext CreateContext(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<LotteDbContext>();
        builder.UseLottePostgres(connectionString);
        return new LotteDbContext(builder.Options);
    }

    public IDbContextFactory<LotteDbContext> CreateContextFactory() => new Factory(ConnectionString);

    public static IDbContextFactory<LotteDbContext> CreateContextFactory(string connectionString) => new Factory(connectionString);

    /// <summary>
    /// Returns once the event projector has projected every committed raw event (units, statistics and totals are
    /// then up to date with every acknowledged batch); fails after <paramref name="timeout"/> (default 30 s).
    /// </summary>
    public Task WaitForProjectionAsync(TimeSpan? timeout = null) => WaitForProjectionAsync(ConnectionString, timeout);

    /// <summary><see cref="WaitForProjectionAsync(TimeSpan?)"/> on any database with the dashboard's schema.</summary>
    public static async Task WaitForProjectionAsync(string connectionString, TimeSpan? timeout = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await ProjectionProgress.IsCaughtUpAsync(connection))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The event projector did not catch up with raw_events in time.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Empties every table (TRUNCATE also passes the append-only guards, which block DELETE).</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DO $$ DECLARE tables text;
            BEGIN
                SELECT string_agg(format('%I', tablename), ', ') INTO tables
                FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__ef_migrations_history';
                IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE'; END IF;
            END $$;
            """;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(LocalPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Factory(string connectionString) : IDbContextFactory<LotteDbContext>
    {
        public LotteDbContext CreateDbContext() => CreateContext(connectionString);
    }
}
