namespace Lotte.Testing;

/// <summary>
/// The dashboard started as a real process (<c>dotnet Lotte.Dashboard.dll</c>) on a loopback port,
/// with Kestrel, the real PostgreSQL and settings passed as environment variables. Its output is kept
/// so tests can inspect the logs.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private readonly AppProcess _app;

    private DashboardProcess(AppProcess app) => _app = app;

    public Uri BaseAddress => _app.BaseAddress;
    public IEnumerable<string> Output => _app.Output;
    public int ProcessId => _app.ProcessId;

    public static string BuiltAssemblyPath =>
        RepositoryRoot.Combine("src", "Dashboard", "bin", RepositoryRoot.BuildConfiguration, "net10.0", "Lotte.Dashboard.dll");

    /// <summary>
    /// Starts the built dashboard in Development (the environment with the demo sign-in), with the demo and
    /// the decision evaluator off unless <paramref name="settings"/> (configuration keys, "Demo:Enabled") turn them on.
    /// </summary>
    /// <param name="port">The loopback port to listen on (one chosen beforehand with <see cref="FreePort.Next"/>, e.g. to register
    /// the dashboard's callback URIs with <see cref="OidcProviderProcess"/> first); a free one when omitted.</param>
    public static Task<DashboardProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null,
        string environment = "Development", int? port = null) =>
        StartAsync(BuiltAssemblyPath, connectionString, WithTestDefaults(settings), environment, workingDirectory: null, port);

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
        IReadOnlyDictionary<string, string>? settings, string environment, string? workingDirectory, int? port = null)
    {
        var all = new Dictionary<string, string>(TestPrivacyKeys.Settings) { ["ASPNETCORE_ENVIRONMENT"] = environment };
        if (connectionString.Length > 0)
        {
            all["ConnectionStrings:Lotte"] = connectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var app = await AppProcess.StartAsync("The dashboard", assemblyPath, port ?? FreePort.Next(), all, "health/live", workingDirectory);
        return new DashboardProcess(app);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Kills the process at once, as a crash or an OOM kill would.</summary>
    public Task KillAsync() => _app.KillAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
