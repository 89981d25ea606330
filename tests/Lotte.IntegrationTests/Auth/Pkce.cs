using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Lotte.IntegrationTests.Auth;

/// <summary>Proof Key for Code Exchange (RFC 7636): a random code_verifier and its S256 code_challenge.</summary>
internal static class Pkce
{
    public static string NewVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
}
