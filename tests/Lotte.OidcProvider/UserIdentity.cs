using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lotte.OidcProvider;

/// <summary>The identity OpenIddict turns into the id_token and access token of a user.</summary>
internal static class UserIdentity
{
    private static readonly string[] BothTokens = [Destinations.AccessToken, Destinations.IdentityToken];

    /// <param name="carried">Claims of an earlier principal to keep (OpenIddict's own, when redeeming a code).</param>
    public static ClaimsIdentity Create(ProviderUser user, ImmutableArray<string> scopes, IEnumerable<Claim>? carried = null)
    {
        var identity = new ClaimsIdentity(carried, authenticationType: "OpenIddict", nameType: Claims.Name, roleType: UserClaims.Roles);
        var released = UserClaims.Released(user, scope => scopes.Contains(scope, StringComparer.Ordinal));
        foreach (var (type, value) in released)
        {
            identity.RemoveClaims(type);
            // A JSON_ARRAY claim is written to the token as an array, even with one element.
            identity.AddClaim(value.ValueKind == JsonValueKind.Array
                ? new Claim(type, value.GetRawText(), JsonClaimValueTypes.JsonArray)
                : new Claim(type, value.GetString()!));
        }

        identity.SetScopes(scopes);
        // Without a destination a claim stays out of every token; the released ones go into both
        // (the scopes were checked above), so the id_token alone carries the roles.
        identity.SetDestinations(claim => released.ContainsKey(claim.Type) ? BothTokens : []);
        return identity;
    }
}
