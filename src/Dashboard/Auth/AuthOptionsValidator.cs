using Microsoft.Extensions.Options;

namespace Lotte.Dashboard.Auth;

/// <summary>Fails start-up with one message naming every missing sign-in setting.</summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (!options.UsesOidc)
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "Sign-in is not configured: set Auth:Oidc:Authority, Auth:Oidc:ClientId and Auth:Oidc:ClientSecret " +
                    "(the local demo sign-in exists only in Development).");
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Oidc.ClientId))
        {
            missing.Add("Auth:Oidc:ClientId");
        }

        if (string.IsNullOrWhiteSpace(options.Oidc.ClientSecret))
        {
            missing.Add("Auth:Oidc:ClientSecret (from the environment or a secret store)");
        }

        if (string.IsNullOrWhiteSpace(options.Oidc.RoleClaim))
        {
            missing.Add("Auth:Oidc:RoleClaim");
        }

        if (!Uri.TryCreate(options.Oidc.Authority, UriKind.Absolute, out _))
        {
            missing.Add("Auth:Oidc:Authority (an absolute URL)");
        }

        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"OpenID Connect sign-in is missing: {string.Join(", ", missing)}.");
    }
}
