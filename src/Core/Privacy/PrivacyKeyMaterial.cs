using System.Buffers.Text;
using Microsoft.Extensions.Options;

namespace Lotte.Core.Privacy;

/// <summary>Decoding and rules for the keys in <see cref="PrivacyOptions"/>, shared by their validator and users.</summary>
internal static class PrivacyKeyMaterial
{
    public const int MinPseudonymKeyBytes = 32;
    public const int EncryptionKeyBytes = 32;
    public const int MaxKeyIdLength = 64;

    /// <summary>The decoded bytes, or null when <paramref name="base64"/> is not valid base64.</summary>
    public static byte[]? TryDecode(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }
        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>Key ids travel in every encrypted field's header: short, ASCII, one byte per character.</summary>
    public static bool IsValidKeyId(string? keyId) =>
        !string.IsNullOrEmpty(keyId)
        && keyId.Length <= MaxKeyIdLength
        && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>Throws, listing every problem, unless <paramref name="options"/> passes <see cref="PrivacyOptionsValidator"/>.</summary>
    public static void ThrowIfInvalid(PrivacyOptions options)
    {
        var result = new PrivacyOptionsValidator().Validate(PrivacyOptions.SectionName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(PrivacyOptions.SectionName, typeof(PrivacyOptions), result.Failures);
        }
    }
}
