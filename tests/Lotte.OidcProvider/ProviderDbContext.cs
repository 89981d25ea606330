using Microsoft.EntityFrameworkCore;

namespace Lotte.OidcProvider;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens (its entities are added by UseOpenIddict()).</summary>
public sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
