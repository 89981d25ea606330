using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Lotte.LoadTest;

/// <summary>
/// Measures who used the machine's CPU during a phase (Linux: /proc). PostgreSQL backends are found by the
/// database they serve, so other databases on the same cluster are not charged to the benchmark; the cluster's
/// background processes are counted apart.
/// </summary>
public sealed class CpuMeter(int serverProcessId, string connectionString)
{
    public async Task<(T Result, CpuUsage Cpu)> MeasureAsync<T>(Func<Task<T>> phase)
    {
        var before = await SnapshotAsync();
        var result = await phase();
        var after = await SnapshotAsync();
        double Used(Dictionary<int, double> now, Dictionary<int, double> then) => now.Sum(p => p.Value - then.GetValueOrDefault(p.Key));
        return (result, new CpuUsage(after.Client - before.Client, after.Server - before.Server, Used(after.Backends, before.Backends),
            Used(after.Background, before.Background), after.Machine - before.Machine));
    }

    private async Task<Snapshot> SnapshotAsync()
    {
        var backends = new Dictionary<int, double>();
        var background = new Dictionary<int, double>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT pid, datname IS NULL FROM pg_stat_activity WHERE (datname = current_database() OR datname IS NULL) AND pid <> pg_backend_pid()",
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (CpuSecondsOf(reader.GetInt32(0)) is { } seconds)
                {
                    (reader.GetBoolean(1) ? background : backends)[reader.GetInt32(0)] = seconds;
                }
            }
        }

        return new Snapshot(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, CpuSecondsOf(serverProcessId) ?? 0, backends, background,
            MachineBusySeconds());
    }

    private static double? CpuSecondsOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime.TotalSeconds;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Busy CPU seconds of all cores since boot: user, nice, system, irq and softirq time from /proc/stat, which
    /// counts in USER_HZ (100 per second on Linux); idle, I/O wait and time stolen by the hypervisor are left out.
    /// </summary>
    private static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6]) / 100.0;
    }

    private sealed record Snapshot(double Client, double Server, Dictionary<int, double> Backends, Dictionary<int, double> Background, double Machine);
}
