using System.Globalization;

namespace Lotte.Testing;

/// <summary>
/// The test OpenID Connect provider (Lotte.OidcProvider, OpenIddict) started as a real process on a free
/// loopback port, with its own PostgreSQL database and the dashboard registered as its one client.
/// Ready once its discovery document answers. Sign in as one of <see cref="OidcTestUsers"/>.
/// </summary>
/// <example>
/// The dashboard's callback URIs must be registered before it starts, so its port is chosen first:
/// <code>
/// var port = FreePort.Next();
/// await using var provider = await OidcProviderProcess.StartAsync(providerDatabase.ConnectionString, dashboardPort: port);
/// await using var dashboard = await DashboardProcess.StartAsync(database.ConnectionString, settings, port: port);
/// </code>
/// </example>
public sealed class OidcProviderProcess : IAsyncDisposable
{
    public const string ClientId = "lotte-dashboard";
    public const string ClientSecret = "lotte-dashboard-secret";

    /// <summary>The scopes the client may ask for (space-separated, as sent in the authorization request).</summary>
    public const string Scopes = "openid profile email roles";

    /// <summary>The claim that carries the roles, in the id_token, the access token and userinfo: a JSON array of role names.</summary>
    public const string RoleClaim = "roles";

    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    private readonly AppProcess _app;

    private OidcProviderProcess(AppProcess app) => _app = app;

    /// <summary>The issuer, e.g. http://127.0.0.1:43123/ (discovery at .well-known/openid-configuration). Plain HTTP.</summary>
    public Uri Authority => _app.BaseAddress;

    public IEnumerable<string> Output => _app.Output;
    public int ProcessId => _app.ProcessId;

    public static string BuiltAssemblyPath =>
        RepositoryRoot.Combine("tests", "Lotte.OidcProvider", "bin", RepositoryRoot.BuildConfiguration, "net10.0", "Lotte.OidcProvider.dll");

    /// <summary>Starts the provider for a dashboard that will listen on http://127.0.0.1:<paramref name="dashboardPort"/>.</summary>
    /// <param name="connectionString">An empty database of the provider's own (e.g. <c>TestDatabase.CreateAsync(migrate: false)</c>),
    /// not the dashboard's: the provider creates its tables only in a database without tables.</param>
    public static Task<OidcProviderProcess> StartAsync(string connectionString, int dashboardPort)
    {
        var dashboard = new Uri($"http://127.0.0.1:{dashboardPort.ToString(CultureInfo.InvariantCulture)}");
        return StartAsync(connectionString, [new Uri(dashboard, CallbackPath)], [new Uri(dashboard, SignedOutCallbackPath)]);
    }

    /// <summary>Starts the provider with the client's redirect URIs and post-logout redirect URIs given in full.</summary>
    public static async Task<OidcProviderProcess> StartAsync(string connectionString, IReadOnlyList<Uri> redirectUris,
        IReadOnlyList<Uri> postLogoutRedirectUris)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Provider"] = connectionString,
            ["Provider:ClientId"] = ClientId,
            ["Provider:ClientSecret"] = ClientSecret,
        };
        AddList(settings, "Provider:RedirectUris", redirectUris);
        AddList(settings, "Provider:PostLogoutRedirectUris", postLogoutRedirectUris);
        var app = await AppProcess.StartAsync("The OpenID Connect provider", BuiltAssemblyPath, FreePort.Next(), settings,
            ".well-known/openid-configuration");
        return new OidcProviderProcess(app);
    }

    /// <summary>A client for the provider's endpoints that neither follows redirects nor shares cookies with other clients.</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = Authority,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public Task KillAsync() => _app.KillAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static void AddList(Dictionary<string, string> settings, string key, IReadOnlyList<Uri> uris)
    {
        for (var i = 0; i < uris.Count; i++)
        {
            settings[$"{key}:{i.ToString(CultureInfo.InvariantCulture)}"] = uris[i].AbsoluteUri;
        }
    }
}
