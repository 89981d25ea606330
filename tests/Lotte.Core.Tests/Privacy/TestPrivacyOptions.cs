using System.Security.Cryptography;
using Lotte.Core.Privacy;
using Microsoft.Extensions.Options;

namespace Lotte.Core.Tests.Privacy;

/// <summary>Valid privacy options built from fresh random keys, with the parts a test cares about replaced.</summary>
internal static class TestPrivacyOptions
{
    public static string RandomKey(int bytes = 32) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    public static PrivacyOptions Create(string? pseudonymKey = null, string activeKeyId = "key-a", params string[] keyIds) =>
        new()
        {
            PseudonymKey = pseudonymKey ?? RandomKey(),
            EncryptionKeys = (keyIds.Length == 0 ? [activeKeyId] : keyIds)
                .ToDictionary(id => id, _ => RandomKey(), StringComparer.Ordinal),
            ActiveEncryptionKeyId = activeKeyId,
        };

    public static IOptions<PrivacyOptions> Wrap(PrivacyOptions options) => Options.Create(options);

    /// <summary>The same keys with another key id active: a rotation.</summary>
    public static PrivacyOptions WithActiveKey(PrivacyOptions options, string activeKeyId) =>
        new()
        {
            PseudonymKey = options.PseudonymKey,
            EncryptionKeys = new(options.EncryptionKeys, StringComparer.Ordinal),
            ActiveEncryptionKeyId = activeKeyId,
        };
}
