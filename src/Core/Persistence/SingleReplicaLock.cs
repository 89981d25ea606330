using Npgsql;

namespace Lotte.Core.Persistence;

/// <summary>
/// A session-level PostgreSQL advisory lock that elects one replica for a background job. The lock lives exactly as
/// long as its connection: when the holder dies, PostgreSQL ends its session and another replica takes over.
/// </summary>
public static class SingleReplicaLock
{
    public static async Task<bool> TryAcquireAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Uses the lock's connection, so a broken one is noticed (and the job stops) instead of lingering.</summary>
    public static async Task PingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var ping = new NpgsqlCommand("SELECT 1", connection);
        await ping.ExecuteScalarAsync(cancellationToken);
    }
}
