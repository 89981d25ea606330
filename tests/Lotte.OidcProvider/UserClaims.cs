using System.Text.Json;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lotte.OidcProvider;

/// <summary>
/// Which of a user's claims each granted scope releases: the single rule behind the tokens and the
/// userinfo response. Roles go out as one multi-valued <c>roles</c> claim (a JSON array even with one role).
/// </summary>
internal static class UserClaims
{
    public const string Roles = "roles";

    public static IReadOnlyDictionary<string, JsonElement> Released(ProviderUser user, Func<string, bool> hasScope)
    {
        var claims = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [Claims.Subject] = Json(user.Username) };
        if (hasScope(Scopes.Profile))
        {
            claims[Claims.Name] = Json(user.DisplayName);
            claims[Claims.PreferredUsername] = Json(user.Username);
        }

        if (hasScope(Scopes.Email))
        {
            claims[Claims.Email] = Json(user.Email);
        }

        if (hasScope(Scopes.Roles))
        {
            claims[Roles] = JsonSerializer.SerializeToElement(user.Roles);
        }

        return claims;
    }

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value);
}
