using Microsoft.AspNetCore.Authentication;

namespace Lotte.Dashboard.Auth;

public static class ApiAuthentication
{
    public static WebApplicationBuilder AddApiKeyAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Assign, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(ApiPolicies.ScopeClaim, "assign"))
            .AddPolicy(ApiPolicies.Ingest, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(ApiPolicies.ScopeClaim, "ingest"));
        return builder;
    }
}
