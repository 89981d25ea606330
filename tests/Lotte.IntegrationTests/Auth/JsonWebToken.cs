using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Lotte.IntegrationTests.Auth;

/// <summary>A compact JWS (header.payload.signature): its payload, and whether an RSA key of a JWKS signed it (RS256).</summary>
internal sealed class JsonWebToken(string compact)
{
    private readonly string[] _parts = compact.Split('.');

    public JsonElement Header => Decode(_parts[0]);
    public JsonElement Payload => Decode(_parts[1]);

    public bool IsSignedBy(JsonElement jwks)
    {
        var keyId = Header.GetProperty("kid").GetString();
        var key = jwks.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == keyId);
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(key.GetProperty("n").GetString()),
            Exponent = Base64Url.DecodeFromChars(key.GetProperty("e").GetString()),
        });
        return Header.GetProperty("alg").GetString() == "RS256"
            && rsa.VerifyData(Encoding.ASCII.GetBytes($"{_parts[0]}.{_parts[1]}"), Base64Url.DecodeFromChars(_parts[2]),
                HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static JsonElement Decode(string part) => JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(part));
}
