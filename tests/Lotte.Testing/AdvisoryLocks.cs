using Npgsql;

namespace Lotte.Testing;

/// <summary>
/// Who holds a background job's advisory lock, read from <c>pg_locks</c>: the <c>application_name</c> of the session
/// holding it (each replica in a test sets its own with <see cref="WithApplicationName"/>), or null when none does.
/// </summary>
public static class AdvisoryLocks
{
    public static string WithApplicationName(string connectionString, string name) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name }.ConnectionString;

    public static async Task<IReadOnlyList<string>> HoldersAsync(string connectionString, long key)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A bigint key is stored as classid (high 32 bits) and objid (low 32 bits), objsubid 1.
        await using var command = new NpgsqlCommand("""
            SELECT a.application_name
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND ((l.classid::bigint << 32) | l.objid::bigint) = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        var holders = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            holders.Add(reader.GetString(0));
        }

        return holders;
    }

    /// <summary>Waits until <paramref name="expected"/> alone holds the lock; returns how long that took.</summary>
    public static async Task<TimeSpan> WaitForHolderAsync(string connectionString, long key, string expected, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<string> holders = [];
        while (clock.Elapsed < timeout)
        {
            holders = await HoldersAsync(connectionString, key);
            if (holders is [var only] && only == expected)
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Lock {key:X} not held by {expected} alone after {timeout}: held by [{string.Join(", ", holders)}]");
    }
}
