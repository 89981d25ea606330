using System.Collections.Concurrent;
using System.Diagnostics;

namespace Lotte.Testing;

/// <summary>
/// The dashboard started as a real process (<c>dotnet Lotte.Dashboard.dll</c>) on a free loopback port,
/// with Kestrel, the real PostgreSQL and settings passed as environment variables. Its output is kept
/// so tests can inspect the logs.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private DashboardProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public IEnumerable<string> Output => _output;
    public int ProcessId => _process.Id;

    public static string BuiltAssemblyPath =>
        RepositoryRoot.Combine("src", "Dashboard", "bin", RepositoryRoot.BuildConfiguration, "net10.0", "Lotte.Dashboard.dll");

    /// <summary>
    /// Starts the built dashboard in Development (the environment with the demo sign-in), with the demo and
    /// the decision evaluator off unless <paramref name="settings"/> (configuration keys, "Demo:Enabled") turn them on.
    /// </summary>
    public static Task<DashboardProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null,
        string environment = "Development") =>
        StartAsync(BuiltAssemblyPath, connectionString, WithTestDefaults(settings), environment, workingDirectory: null);

    private static Dictionary<string, string> WithTestDefaults(IReadOnlyDictionary<string, string>? settings)
    {
        var all = new Dictionary<string, string> { ["Demo:Enabled"] = "false", ["Decisions:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return all;
    }

    public static async Task<DashboardProcess> StartAsync(string assemblyPath, string connectionString,
        IReadOnlyDictionary<string, string>? settings, string environment, string? workingDirectory)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet", [assemblyPath, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["Logging__Console__FormatterName"] = "simple";
        TestPrivacyKeys.ApplyTo(info);
        if (connectionString.Length > 0)
        {
            info.Environment["ConnectionStrings__Lotte"] = connectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var dashboard = new DashboardProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => dashboard.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => dashboard.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await dashboard.WaitUntilLiveAsync();
        return dashboard;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Kills the process at once, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The dashboard exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "health/live"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer while starting.
            }

            await Task.Delay(200);
        }

        await KillAsync();
        throw new TimeoutException($"The dashboard did not become live in {StartTimeout}:\n{string.Join('\n', _output)}");
    }
}
