using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Lotte.Core.Privacy;

/// <summary>
/// Encrypts personal fields with AES-256-GCM under the active key and decrypts with whichever
/// configured key the field names, so data written before a key rotation stays readable.
/// Layout: <see cref="EncryptedFieldLayout"/>.
/// </summary>
/// <remarks>
/// The context (for example the attribute's name) is authenticated but not stored: a field decrypts
/// only under the context it was encrypted with, so it cannot be moved to another field unnoticed.
/// Nonces are random; rotate a key well before 2^32 encryptions under it.
/// </remarks>
public sealed class FieldEncryptor
{
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public FieldEncryptor(IOptions<PrivacyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PrivacyKeyMaterial.ThrowIfInvalid(options.Value);
        _keys = options.Value.EncryptionKeys.ToDictionary(
            pair => pair.Key, pair => PrivacyKeyMaterial.TryDecode(pair.Value)!, StringComparer.Ordinal);
        _activeKeyId = options.Value.ActiveEncryptionKeyId;
    }

    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, string context)
    {
        var field = EncryptedFieldLayout.Allocate(_activeKeyId, plaintext.Length);
        var headerSize = EncryptedFieldLayout.HeaderSize(_activeKeyId);
        var nonce = field.AsSpan(headerSize, EncryptedFieldLayout.NonceSize);
        var tag = field.AsSpan(headerSize + EncryptedFieldLayout.NonceSize, EncryptedFieldLayout.TagSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(_keys[_activeKeyId], EncryptedFieldLayout.TagSize);
        aes.Encrypt(nonce, plaintext, field.AsSpan(headerSize + EncryptedFieldLayout.NonceSize + EncryptedFieldLayout.TagSize), tag,
            AssociatedData(field.AsSpan(0, headerSize), context));
        return field;
    }

    public byte[] Decrypt(ReadOnlySpan<byte> field, string context)
    {
        var (keyId, headerSize) = EncryptedFieldLayout.ReadHeader(field);
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new FieldDecryptionException(
                FieldDecryptionFailure.UnknownKey, $"The encrypted field names key id '{keyId}', which is not configured.");
        }

        var nonce = field.Slice(headerSize, EncryptedFieldLayout.NonceSize);
        var tag = field.Slice(headerSize + EncryptedFieldLayout.NonceSize, EncryptedFieldLayout.TagSize);
        var ciphertext = field[(headerSize + EncryptedFieldLayout.NonceSize + EncryptedFieldLayout.TagSize)..];
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, EncryptedFieldLayout.TagSize);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, AssociatedData(field[..headerSize], context));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new FieldDecryptionException(FieldDecryptionFailure.AuthenticationFailed,
                $"The encrypted field failed authentication under key id '{keyId}': wrong key, wrong context or altered data.", e);
        }
        return plaintext;
    }

    public byte[] EncryptText(string plaintext, string context) => Encrypt(Encoding.UTF8.GetBytes(plaintext), context);

    public string DecryptText(ReadOnlySpan<byte> field, string context) => Encoding.UTF8.GetString(Decrypt(field, context));

    /// <summary>The key id a field was encrypted under, e.g. to find data still under a retired key.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> field) => EncryptedFieldLayout.ReadHeader(field).KeyId;

    // Header first: it is self-delimiting, so header and context cannot be confused for another split.
    private static byte[] AssociatedData(ReadOnlySpan<byte> header, string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [.. header, .. Encoding.UTF8.GetBytes(context)];
    }
}
