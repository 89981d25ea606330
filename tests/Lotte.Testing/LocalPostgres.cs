using System.Diagnostics;
using Npgsql;

namespace Lotte.Testing;

/// <summary>
/// The PostgreSQL server the tests use: LOTTE_TEST_POSTGRES (a connection string to a database with
/// CREATEDB rights) when set, else the project's local cluster (port LOTTE_PG_PORT, default 55432), started with scripts/postgres.sh if needed.
/// </summary>
public static class LocalPostgres
{
    private static readonly string LocalCluster =
        $"Host=127.0.0.1;Port={Environment.GetEnvironmentVariable("LOTTE_PG_PORT") ?? "55432"};Username=lotte;Password=lotte-dev;Database=postgres";
    private static readonly SemaphoreSlim StartLock = new(1, 1);

    public static string AdminConnectionString { get; } =
        Environment.GetEnvironmentVariable("LOTTE_TEST_POSTGRES") is { Length: > 0 } configured ? configured : LocalCluster;

    public static async Task EnsureRunningAsync()
    {
        if (await CanConnectAsync())
        {
            return;
        }

        await StartLock.WaitAsync();
        try
        {
            if (!await CanConnectAsync())
            {
                await StartClusterAsync();
            }
        }
        finally
        {
            StartLock.Release();
        }
    }

    private static async Task<bool> CanConnectAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static async Task StartClusterAsync()
    {
        var script = RepositoryRoot.Combine("scripts", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not start the local PostgreSQL cluster: {errors}");
        }
    }
}
