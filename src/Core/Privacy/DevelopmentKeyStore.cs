using System.Security.Cryptography;
using System.Text.Json;

namespace Lotte.Core.Privacy;

/// <summary>
/// For Development only: privacy keys generated once into a local file (such as <c>.data/keys.json</c>,
/// which git ignores) and read back on every later start, so pseudonyms and encrypted data survive restarts.
/// On Unix the file is created with mode 600 and its folder with 700. Other environments take their keys
/// from configuration.
/// </summary>
public static class DevelopmentKeyStore
{
    public const string DevelopmentKeyId = "development-1";

    private static readonly JsonSerializerOptions FileFormat = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static PrivacyOptions LoadOrCreate(string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        if (!File.Exists(filePath))
        {
            TryCreate(filePath, Generate());
        }
        // Read back even after creating: if another process won the race, its keys are the ones to use.
        return Load(filePath);
    }

    private static PrivacyOptions Generate() => new()
    {
        PseudonymKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(PrivacyKeyMaterial.MinPseudonymKeyBytes)),
        EncryptionKeys = new(StringComparer.Ordinal)
        {
            [DevelopmentKeyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(PrivacyKeyMaterial.EncryptionKeyBytes)),
        },
        ActiveEncryptionKeyId = DevelopmentKeyId,
    };

    private static void TryCreate(string filePath, PrivacyOptions keys)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(filePath))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(filePath)}.{Guid.NewGuid():N}.tmp");
        var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            // Set at creation, so the keys are never readable by others, not even for a moment.
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, streamOptions))
        {
            JsonSerializer.Serialize(stream, keys, FileFormat);
        }
        try
        {
            // Never overwrites: keys already on disk protect data encrypted under them.
            File.Move(temporary, filePath, overwrite: false);
        }
        catch (IOException) when (File.Exists(filePath))
        {
            File.Delete(temporary);
        }
    }

    private static PrivacyOptions Load(string filePath)
    {
        PrivacyOptions? keys;
        try
        {
            keys = JsonSerializer.Deserialize<PrivacyOptions>(File.ReadAllText(filePath), FileFormat);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The development key file '{filePath}' is not valid JSON; fix or delete it.", e);
        }
        if (keys is null)
        {
            throw new InvalidOperationException($"The development key file '{filePath}' is empty; fix or delete it.");
        }
        PrivacyKeyMaterial.ThrowIfInvalid(keys);
        return keys;
    }
}
