using Microsoft.Extensions.Logging;
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

    /// <summary>
    /// The election loop of a background job: take the lock on a dedicated connection, run <paramref name="whileElected"/>
    /// (which pings the connection between rounds), and when the connection breaks or another replica holds the lock,
    /// wait <paramref name="retryDelay"/> and try again, until the host stops.
    /// </summary>
    public static async Task RunWhileElectedAsync(string connectionString, long key, TimeSpan retryDelay, TimeProvider time, ILogger logger,
        string job, Func<NpgsqlConnection, CancellationToken, Task> whileElected, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lockConnection = new NpgsqlConnection(connectionString);
                await lockConnection.OpenAsync(stoppingToken);
                if (await TryAcquireAsync(lockConnection, key, stoppingToken))
                {
                    logger.LogInformation("This replica now runs the {Job}", job);
                    await whileElected(lockConnection, stoppingToken);
                }
            }
            catch (Exception ex) when (DatabaseOutage.Is(ex))
            {
                logger.LogWarning("The {Job} was interrupted: {Message}", job, ex.Message);
            }

            await Task.Delay(retryDelay, time, stoppingToken);
        }
    }
}
