using System.Collections.Concurrent;
using System.Diagnostics;

namespace Lotte.Testing;

/// <summary>
/// A built ASP.NET Core app started as a real process (<c>dotnet App.dll --urls http://127.0.0.1:port</c>),
/// settings passed as environment variables, ready once a path answers with success. Its output is
/// kept for the logs of a failing test; disposing kills it.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly string _name;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, string name, Uri baseAddress)
    {
        _process = process;
        _name = name;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public IEnumerable<string> Output => _output;
    public int ProcessId => _process.Id;

    /// <param name="name">What the app is, for error messages ("the dashboard").</param>
    /// <param name="settings">Configuration keys ("Demo:Enabled") or plain environment variables.</param>
    /// <param name="readyPath">A relative path that answers with success once the app serves requests.</param>
    public static async Task<AppProcess> StartAsync(string name, string assemblyPath, int port,
        IReadOnlyDictionary<string, string> settings, string readyPath, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet", [assemblyPath, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, name, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilReadyAsync(new Uri(app.BaseAddress, readyPath));
        return app;
    }

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

    private async Task WaitUntilReadyAsync(Uri readyUri)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                using var response = await client.GetAsync(readyUri);
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
        throw new TimeoutException($"{_name} did not become ready in {StartTimeout}:\n{string.Join('\n', _output)}");
    }
}
