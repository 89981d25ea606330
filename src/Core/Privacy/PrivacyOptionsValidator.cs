using Microsoft.Extensions.Options;

namespace Lotte.Core.Privacy;

/// <summary>
/// Checks what data annotations cannot: key lengths, key id shape, and that the active key exists.
/// Every bad key is named (never its value), so one start-up failure lists everything to fix.
/// </summary>
public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    private const string Section = PrivacyOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (PrivacyKeyMaterial.TryDecode(options.PseudonymKey) is not { Length: >= PrivacyKeyMaterial.MinPseudonymKeyBytes })
        {
            failures.Add($"{Section}:{nameof(options.PseudonymKey)} must be base64 of at least {PrivacyKeyMaterial.MinPseudonymKeyBytes} bytes.");
        }

        foreach (var (keyId, key) in options.EncryptionKeys ?? [])
        {
            if (!PrivacyKeyMaterial.IsValidKeyId(keyId))
            {
                failures.Add($"{Section}:{nameof(options.EncryptionKeys)}: key id '{keyId}' must be 1 to {PrivacyKeyMaterial.MaxKeyIdLength} ASCII letters, digits, '.', '_' or '-'.");
            }
            if (PrivacyKeyMaterial.TryDecode(key) is not { Length: PrivacyKeyMaterial.EncryptionKeyBytes })
            {
                failures.Add($"{Section}:{nameof(options.EncryptionKeys)}:{keyId} must be base64 of exactly {PrivacyKeyMaterial.EncryptionKeyBytes} bytes.");
            }
        }

        if (options.EncryptionKeys is null || !options.EncryptionKeys.ContainsKey(options.ActiveEncryptionKeyId ?? ""))
        {
            failures.Add($"{Section}:{nameof(options.ActiveEncryptionKeyId)} '{options.ActiveEncryptionKeyId}' names no key in {Section}:{nameof(options.EncryptionKeys)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
