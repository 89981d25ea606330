using Lotte.Testing;

namespace Lotte.IntegrationTests.Auth;

/// <summary>
/// The test OpenID Connect provider on its own database, for a dashboard that is not started: nothing
/// listens on its callback URIs, so tests read the provider's redirects instead of following them.
/// </summary>
public sealed class OidcProviderFixture : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public OidcProviderProcess Provider { get; private set; } = null!;
    public Uri DashboardAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");
    public Uri RedirectUri => new(DashboardAddress, OidcProviderProcess.CallbackPath);
    public Uri PostLogoutRedirectUri => new(DashboardAddress, OidcProviderProcess.SignedOutCallbackPath);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(migrate: false);
        Provider = await OidcProviderProcess.StartAsync(_database.ConnectionString, DashboardAddress.Port);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
