using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lotte.OidcProvider;

/// <summary>
/// Creates OpenIddict's tables and registers the dashboard as a confidential client that must use PKCE,
/// with the configured callback URIs. Idempotent: a restart on the same database updates the client.
/// </summary>
internal static class ClientRegistration
{
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        // EnsureCreated instead of migrations: the schema is OpenIddict's and this app only serves tests.
        await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync(cancellationToken);

        var options = scope.ServiceProvider.GetRequiredService<IOptions<ProviderOptions>>().Value;
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = Describe(options);
        if (await applications.FindByClientIdAsync(options.ClientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    private static OpenIddictApplicationDescriptor Describe(ProviderOptions options)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = options.ClientId,
            ClientSecret = options.ClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Lotte dashboard",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.RedirectUris.UnionWith(options.RedirectUris.Select(Absolute));
        descriptor.PostLogoutRedirectUris.UnionWith(options.PostLogoutRedirectUris.Select(Absolute));
        return descriptor;
    }

    private static Uri Absolute(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
        ? parsed
        : throw new InvalidOperationException($"Provider callback URIs must be absolute: '{uri}'.");
}
