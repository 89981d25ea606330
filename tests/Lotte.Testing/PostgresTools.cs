using System.Diagnostics;
using Npgsql;

namespace Lotte.Testing;

/// <summary>PostgreSQL's client programs (pg_dump …), from PATH or the newest /usr/lib/postgresql/*/bin.</summary>
public static class PostgresTools
{
    public static string Find(string program)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
        var packaged = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin", program)).FirstOrDefault(File.Exists)
            : null;
        return onPath ?? packaged ?? throw new InvalidOperationException($"{program} not found: install PostgreSQL's client programs.");
    }

    /// <summary>A plain-text dump of the whole database (schema and data), as an operator would take it.</summary>
    public static async Task<string> DumpAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo(Find("pg_dump"), ["-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", builder.Username!, "-d", builder.Database!, "--no-owner"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["PGPASSWORD"] = builder.Password;
        using var process = Process.Start(info)!;
        var dump = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await dump : throw new InvalidOperationException($"pg_dump failed: {errors}");
    }
}
