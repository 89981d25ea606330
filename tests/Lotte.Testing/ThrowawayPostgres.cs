using System.Diagnostics;
using System.Globalization;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lotte.Testing;

/// <summary>
/// A PostgreSQL cluster of its own (initdb in a temp folder, a free loopback port, TCP only) that a test may stop and
/// start: for outages, which must never touch the shared cluster other tests run on. As root the server runs as the
/// unprivileged "postgres" user, as scripts/postgres.sh does. Disposing stops it (immediate) and deletes its folder.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string User = "lotte";
    private const string Password = "lotte-dev";
    private static readonly bool IsRoot = Environment.UserName == "root";
    private readonly string _binDir;
    private readonly string _folder;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _handedOut = new(StringComparer.Ordinal);

    private ThrowawayPostgres(string binDir, string folder, int port)
    {
        _binDir = binDir;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }
    private string DataDir => Path.Combine(_folder, "data");

    public string ConnectionString(string database = "postgres")
    {
        var connectionString = $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={User};Password={Password};Database={database}";
        _handedOut.TryAdd(connectionString, 0);
        return connectionString;
    }

    /// <summary>Creates and starts a new cluster; takes a few seconds.</summary>
    public static async Task<ThrowawayPostgres> StartNewAsync()
    {
        var binDir = FindBinDir();
        var folder = Path.Combine(Path.GetTempPath(), $"lotte-pg-{Guid.NewGuid():N}"[..20]);
        Directory.CreateDirectory(folder);
        var cluster = new ThrowawayPostgres(binDir, folder, FreePort.Next());
        try
        {
            var passwordFile = Path.Combine(folder, "pw");
            await File.WriteAllTextAsync(passwordFile, Password + "\n");
            if (IsRoot)
            {
                await RunAsync("chown", ["-R", "postgres", folder]);
            }

            await cluster.AsOwnerAsync("initdb", "-D", cluster.DataDir, $"--username={User}", $"--pwfile={passwordFile}",
                "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8");
            await File.AppendAllTextAsync(Path.Combine(cluster.DataDir, "postgresql.conf"), $"""

                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                port = {cluster.Port.ToString(CultureInfo.InvariantCulture)}
                max_connections = 100
                fsync = off
                synchronous_commit = off
                full_page_writes = off

                """);
            await cluster.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync()
    {
        await AsOwnerAsync("pg_ctl", "-D", DataDir, "-l", Path.Combine(_folder, "postgres.log"), "-w", "-t", "60", "start");
        ClearPools(); // this process's idle connections from before a stop are dead
    }

    /// <summary>A clean stop ("fast": open sessions are ended with admin_shutdown), as an operator's restart does.</summary>
    public async Task StopAsync()
    {
        await AsOwnerAsync("pg_ctl", "-D", DataDir, "-m", "fast", "-w", "-t", "60", "stop");
        ClearPools();
    }

    private void ClearPools()
    {
        foreach (var connectionString in _handedOut.Keys)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>Creates a database and applies the migrations; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name = "lotte")
    {
        await using (var connection = new NpgsqlConnection(ConnectionString()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var db = TestDatabase.CreateContext(ConnectionString(name));
        await db.Database.MigrateAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
        {
            try
            {
                await AsOwnerAsync("pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "-t", "30", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task AsOwnerAsync(string program, params string[] arguments) => IsRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_binDir, program), .. arguments])
        : RunAsync(Path.Combine(_binDir, program), arguments);

    private static async Task RunAsync(string program, string[] arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors}{await output}");
        }
    }

    /// <summary>The server programs as scripts/postgres.sh finds them: pg_ctl on PATH, else the newest /usr/lib/postgresql/*/bin.</summary>
    private static string FindBinDir()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres")));
        if (onPath is not null)
        {
            return Path.GetDirectoryName(new FileInfo(Path.Combine(onPath, "pg_ctl")).ResolveLinkTarget(true)?.FullName ?? Path.Combine(onPath, "pg_ctl"))!;
        }

        var packaged = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0))
                .FirstOrDefault()
            : null;
        return packaged ?? throw new InvalidOperationException("No PostgreSQL server programs (pg_ctl, initdb) found: install PostgreSQL 14+.");
    }
}
