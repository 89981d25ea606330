using System.Diagnostics;

namespace Lotte.Testing;

/// <summary>
/// Fixed privacy keys for test processes (Production refuses to start without keys). Fixed, so that
/// two app instances in one test pseudonymise alike, as replicas of one deployment do.
/// </summary>
public static class TestPrivacyKeys
{
    public const string PseudonymKey = "dGVzdC1wc2V1ZG9ueW0ta2V5LWZvci1sb3R0ZS10ZXN0cy0wMDAxMjM0NTY3ODk=";
    public const string EncryptionKeyId = "test-k1";
    public const string EncryptionKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Privacy:PseudonymKey"] = PseudonymKey,
        [$"Privacy:EncryptionKeys:{EncryptionKeyId}"] = EncryptionKey,
        ["Privacy:ActiveEncryptionKeyId"] = EncryptionKeyId,
    };

    public static void ApplyTo(ProcessStartInfo info)
    {
        foreach (var (key, value) in Settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }
}
