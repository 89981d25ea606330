using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Lotte.Core.ApiKeys;

/// <summary>
/// Tokens look like <c>lotte_k3j9x2m1qa_&lt;43 base64url characters&gt;</c>: a public prefix that finds the key,
/// and 256 random bits. Only SHA-256 of the whole token is stored; with that much entropy a slow hash
/// adds nothing, and verification stays cheap on every request.
/// </summary>
public static class ApiKeyToken
{
    private const string Scheme = "lotte_";
    private const int PrefixLength = 10;
    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static (string Prefix, string Token) Generate()
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (prefix, $"{Scheme}{prefix}_{secret}");
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Compares two tokens in time that depends on their length only, not on where they differ.</summary>
    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(a.AsSpan()), MemoryMarshal.AsBytes(b.AsSpan()));

    /// <summary>The prefix of a well-formed token, or null.</summary>
    public static string? PrefixOf(string token) =>
        token.Length > Scheme.Length + PrefixLength + 1
        && token.StartsWith(Scheme, StringComparison.Ordinal)
        && token[Scheme.Length + PrefixLength] == '_'
            ? token.Substring(Scheme.Length, PrefixLength)
            : null;
}
