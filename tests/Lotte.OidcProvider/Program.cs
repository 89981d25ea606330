using Lotte.OidcProvider;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

// A real OpenID Connect provider for tests and local runs: authorization code flow with PKCE (S256),
// discovery, JWKS, userinfo and RP-initiated logout, OpenIddict's stores on PostgreSQL.
// Test-only choices: plain HTTP, keys that live as long as the process, passwords in configuration.
var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Provider") is { Length: > 0 } configured
    ? configured
    : throw new InvalidOperationException("ConnectionStrings:Provider (a PostgreSQL database for OpenIddict's tables) is required.");
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

builder.Services.AddOptions<ProviderOptions>().Bind(builder.Configuration.GetSection(ProviderOptions.Section))
    .PostConfigure(options => options.ApplyDefaults());
builder.Services.AddSingleton<UserDirectory>();
builder.Services.AddDbContext<ProviderDbContext>(options => options.UseNpgsql(connectionString).UseOpenIddict());
// Cookies and antiforgery tokens need not outlive the process, like the signing keys below.
builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
builder.Services.AddAuthentication(ProviderCookies.Scheme).AddCookie(ProviderCookies.Scheme, options =>
{
    options.Cookie.Name = ProviderCookies.Session;
    options.LoginPath = ProviderPaths.Login;
});
builder.Services.AddAntiforgery(options => options.Cookie.Name = ProviderCookies.Antiforgery);

builder.Services.AddOpenIddict()
    .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
    .AddServer(options =>
    {
        options.SetAuthorizationEndpointUris(ProviderPaths.Authorize)
            .SetTokenEndpointUris(ProviderPaths.Token)
            .SetUserInfoEndpointUris(ProviderPaths.UserInfo)
            .SetEndSessionEndpointUris(ProviderPaths.EndSession);
        // PKCE is required, and only with S256 (OpenIddict would also accept "plain").
        options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
        options.Configure(server =>
        {
            server.CodeChallengeMethods.Clear();
            server.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
        });
        options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles);
        options.RegisterClaims(Claims.Name, Claims.PreferredUsername, Claims.Email, UserClaims.Roles);
        options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
        // Plain signed JWTs, so the dashboard and tests can read the access token too.
        options.DisableAccessTokenEncryption();
        options.UseAspNetCore()
            .EnableAuthorizationEndpointPassthrough()
            .EnableTokenEndpointPassthrough()
            .EnableUserInfoEndpointPassthrough()
            .EnableEndSessionEndpointPassthrough()
            // Test-only: allows plain HTTP on loopback. A real provider is reached over HTTPS.
            .DisableTransportSecurityRequirement();
    });

var app = builder.Build();
await ClientRegistration.EnsureAsync(app.Services);

app.UseAuthentication();
app.UseAntiforgery();
app.MapMethods(ProviderPaths.Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync);
app.MapPost(ProviderPaths.Token, TokenEndpoint.HandleAsync);
app.MapMethods(ProviderPaths.UserInfo, [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.HandleAsync);
// As a Delegate: a handler taking only HttpContext would bind as a RequestDelegate and drop its IResult.
app.MapMethods(ProviderPaths.EndSession, [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionEndpoint.HandleAsync);
LoginEndpoints.Map(app);
await app.RunAsync();
