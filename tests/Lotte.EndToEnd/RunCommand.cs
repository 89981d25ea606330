using System.Collections.Concurrent;
using System.Diagnostics;
using Lotte.Testing;

namespace Lotte.EndToEnd;

/// <summary>
/// The README's run command (./run.sh) started as a newcomer would, on a free port and a throwaway
/// database, in its own process group so that Ctrl-C (SIGINT) can be sent to it like a terminal does.
/// </summary>
public sealed class RunCommand : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private RunCommand(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }
    public string Output => string.Join('\n', _output);

    public static async Task<RunCommand> StartAsync(string connectionString)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("setsid", ["./run.sh"])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["LOTTE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["ConnectionStrings__Lotte"] = connectionString;
        info.Environment["LOTTE_CONFIGURATION"] = RepositoryRoot.BuildConfiguration;
        info.Environment["LOTTE_RUN_NO_BUILD"] = "1";

        var run = new RunCommand(Process.Start(info)!, port);
        run._process.OutputDataReceived += (_, e) => run.Keep(e.Data);
        run._process.ErrorDataReceived += (_, e) => run.Keep(e.Data);
        run._process.BeginOutputReadLine();
        run._process.BeginErrorReadLine();
        await run.WaitUntilServingAsync();
        return run;
    }

    /// <summary>Sends SIGINT to the whole process group, as Ctrl-C in a terminal does, and waits for the exit code.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-INT", "--", $"-{_process.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-KILL", "--", $"-{_process.Id}"]);
            await kill.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"run.sh exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"run.sh did not serve within 120 s:\n{Output}");
    }
}
