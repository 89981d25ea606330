using Lotte.Core.Privacy;

namespace Lotte.Core.Tests.Privacy;

public sealed class DevelopmentKeyStoreTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("lotte-keys-");

    private string KeyFile => Path.Combine(_root.FullName, ".data", "keys.json");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void LoadOrCreate_FirstStart_CreatesValidKeys()
    {
        var keys = DevelopmentKeyStore.LoadOrCreate(KeyFile);

        Assert.True(File.Exists(KeyFile));
        Assert.True(new PrivacyOptionsValidator().Validate(null, keys).Succeeded);
        Assert.Equal(DevelopmentKeyStore.DevelopmentKeyId, keys.ActiveEncryptionKeyId);
    }

    [Fact]
    public void LoadOrCreate_LaterStart_ReusesTheSameKeys()
    {
        var first = DevelopmentKeyStore.LoadOrCreate(KeyFile);
        var written = File.ReadAllText(KeyFile);

        var second = DevelopmentKeyStore.LoadOrCreate(KeyFile);

        Assert.Equal(first.PseudonymKey, second.PseudonymKey);
        Assert.Equal(first.EncryptionKeys, second.EncryptionKeys);
        Assert.Equal(written, File.ReadAllText(KeyFile));
        Assert.Single(_root.GetFiles("*", SearchOption.AllDirectories));
    }

    [Fact]
    public void LoadOrCreate_TwoFolders_GetDifferentKeys()
    {
        var other = Path.Combine(_root.FullName, "other", "keys.json");

        Assert.NotEqual(DevelopmentKeyStore.LoadOrCreate(KeyFile).PseudonymKey, DevelopmentKeyStore.LoadOrCreate(other).PseudonymKey);
    }

    [Fact]
    public void LoadOrCreate_OnUnix_FileIsOwnerReadWriteOnly()
    {
        DevelopmentKeyStore.LoadOrCreate(KeyFile);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.GetDirectoryName(KeyFile)!));
        }
    }

    [Fact]
    public void LoadOrCreate_CorruptFile_ThrowsAndKeepsIt()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, "{ not json");

        Assert.Throws<InvalidOperationException>(() => DevelopmentKeyStore.LoadOrCreate(KeyFile));
        Assert.Equal("{ not json", File.ReadAllText(KeyFile));
    }

    [Fact]
    public void LoadOrCreate_KeysFromFile_WorkWithTheEncryptor()
    {
        var options = TestPrivacyOptions.Wrap(DevelopmentKeyStore.LoadOrCreate(KeyFile));
        var field = new FieldEncryptor(options).EncryptText("secret", "context");

        var afterRestart = new FieldEncryptor(TestPrivacyOptions.Wrap(DevelopmentKeyStore.LoadOrCreate(KeyFile)));

        Assert.Equal("secret", afterRestart.DecryptText(field, "context"));
    }
}
