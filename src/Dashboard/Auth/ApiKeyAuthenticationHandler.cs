using System.Security.Claims;
using System.Text.Encodings.Web;
using Lotte.Core.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Lotte.Dashboard.Auth;

/// <summary>
/// Authenticates services by <c>Authorization: Bearer lotte_…</c>. No key → 401, a key without the
/// needed scope → 403, both as RFC 7807 problem details. The token is never logged.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await keys.AuthenticateAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, identity.Name), new("api_key", identity.Prefix) };
        claims.AddRange(ScopesOf(identity.Scopes).Select(scope => new Claim(ApiPolicies.ScopeClaim, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblemAsync("An API key is required.", "Send it as 'Authorization: Bearer <key>'. An admin creates keys.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync("This API key may not do that.", "The key lacks the scope this endpoint needs (assign or ingest).");
    }

    private static IEnumerable<string> ScopesOf(ApiKeyScopes scopes)
    {
        if (scopes.HasFlag(ApiKeyScopes.Assign))
        {
            yield return "assign";
        }

        if (scopes.HasFlag(ApiKeyScopes.Ingest))
        {
            yield return "ingest";
        }
    }

    private Task WriteProblemAsync(string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        }).AsTask();
}
