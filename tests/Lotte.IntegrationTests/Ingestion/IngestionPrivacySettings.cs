namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// Privacy keys for a dashboard started in Production (which refuses to start without them). Fixed
/// test-only values: these tests never read pseudonyms or ciphertexts back, they only need a valid key set.
/// </summary>
internal static class IngestionPrivacySettings
{
    public static IReadOnlyDictionary<string, string> Create() => new Dictionary<string, string>
    {
        ["Privacy:PseudonymKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        ["Privacy:EncryptionKeys:k1"] = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()),
        ["Privacy:ActiveEncryptionKeyId"] = "k1",
    };
}
