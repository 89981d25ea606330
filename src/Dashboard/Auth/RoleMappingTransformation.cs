using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Lotte.Dashboard.Auth;

/// <summary>Adds the product role for each provider role named in Auth:RoleMapping (e.g. a group name → MlLead).</summary>
internal sealed class RoleMappingTransformation(IOptions<AuthOptions> options) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var mapping = options.Value.RoleMapping;
        if (mapping.Count == 0 || principal.Identity is not ClaimsIdentity identity || identity.HasClaim("lotte:roles_mapped", "1"))
        {
            return Task.FromResult(principal);
        }

        var mapped = identity.FindAll(identity.RoleClaimType)
            .Select(c => mapping.GetValueOrDefault(c.Value))
            .OfType<string>()
            .Where(role => !principal.IsInRole(role))
            .Distinct()
            .ToList();
        var copy = identity.Clone();
        copy.AddClaims(mapped.Select(role => new Claim(identity.RoleClaimType, role)));
        copy.AddClaim(new Claim("lotte:roles_mapped", "1"));
        return Task.FromResult(new ClaimsPrincipal(copy));
    }
}
