using System.Text;

namespace Lotte.Core.Privacy;

/// <summary>
/// The byte layout of an encrypted field, format version 1:
/// <code>
/// [0]          format version (1)
/// [1]          key id length L (1 to 64)
/// [2, 2+L)     key id, ASCII
/// [2+L, 14+L)  nonce, 12 random bytes
/// [14+L, 30+L) AES-GCM tag, 16 bytes
/// [30+L, end)  ciphertext, as long as the plaintext
/// </code>
/// The header [0, 2+L) is authenticated with the caller's context, so a key id cannot be swapped.
/// </summary>
internal static class EncryptedFieldLayout
{
    public const byte Version = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public static int HeaderSize(string keyId) => 2 + keyId.Length;

    /// <summary>A buffer for <paramref name="plaintextLength"/> bytes with its header already written.</summary>
    public static byte[] Allocate(string keyId, int plaintextLength)
    {
        var buffer = new byte[HeaderSize(keyId) + NonceSize + TagSize + plaintextLength];
        buffer[0] = Version;
        buffer[1] = (byte)keyId.Length;
        Encoding.ASCII.GetBytes(keyId, buffer.AsSpan(2));
        return buffer;
    }

    /// <summary>The key id and the length of the header, or a <see cref="FieldDecryptionException"/>.</summary>
    public static (string KeyId, int HeaderSize) ReadHeader(ReadOnlySpan<byte> field)
    {
        if (field.Length < 2)
        {
            throw new FieldDecryptionException(FieldDecryptionFailure.Malformed, "The encrypted field is too short to hold a header.");
        }
        if (field[0] != Version)
        {
            throw new FieldDecryptionException(
                FieldDecryptionFailure.UnsupportedVersion, $"The encrypted field has format version {field[0]}; only version {Version} is read.");
        }
        var headerSize = 2 + field[1];
        if (field[1] == 0 || field.Length < headerSize + NonceSize + TagSize)
        {
            throw new FieldDecryptionException(FieldDecryptionFailure.Malformed, "The encrypted field is shorter than its header says.");
        }
        return (Encoding.ASCII.GetString(field[2..headerSize]), headerSize);
    }
}
