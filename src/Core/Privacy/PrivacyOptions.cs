using System.ComponentModel.DataAnnotations;

namespace Lotte.Core.Privacy;

/// <summary>
/// Secrets for pseudonymising unit ids and encrypting personal fields, bound from the
/// <see cref="SectionName"/> configuration section. Keys are base64; see <see cref="PrivacyOptionsValidator"/>.
/// </summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>HMAC-SHA256 key for unit pseudonyms, at least 32 bytes. Changing it changes every pseudonym.</summary>
    [Required]
    public string PseudonymKey { get; set; } = "";

    /// <summary>AES-256 keys (32 bytes each) by key id. Retired keys stay here so older data stays readable.</summary>
    [Required]
    [MinLength(1)]
    public Dictionary<string, string> EncryptionKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key id new data is encrypted with; must be one of <see cref="EncryptionKeys"/>.</summary>
    [Required]
    public string ActiveEncryptionKeyId { get; set; } = "";
}
