using Npgsql;

namespace Lotte.Core.Ingestion.Projection;

/// <summary>Whether the projector has caught up with every committed raw event (for tests, benchmarks and operators).</summary>
public static class ProjectionProgress
{
    public static async Task<bool> IsCaughtUpAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(ProjectionSql.CaughtUp, connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
