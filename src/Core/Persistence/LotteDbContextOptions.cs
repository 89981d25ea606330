using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Persistence;

/// <summary>The one place that decides how the context talks to PostgreSQL (app, tests and design time alike).</summary>
public static class LotteDbContextOptions
{
    public static DbContextOptionsBuilder UseLottePostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
