using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Lotte.OidcProvider;

/// <summary>The configured users: lookup by username (case-insensitive, as sign-in forms usually are) and password check.</summary>
public sealed class UserDirectory(IOptions<ProviderOptions> options)
{
    public ProviderUser? Find(string? username) =>
        username is null ? null : options.Value.Users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));

    public ProviderUser? FindWithPassword(string? username, string? password)
    {
        var user = Find(username);
        return user is not null && password is not null && SameText(user.Password, password) ? user : null;
    }

    private static bool SameText(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
