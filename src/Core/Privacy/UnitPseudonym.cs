using System.Buffers.Text;

namespace Lotte.Core.Privacy;

/// <summary>
/// The keyed pseudonym of a unit id: 32 bytes of HMAC-SHA256. It stands in for the raw id in the
/// database and in logs; without the key it cannot be linked back to the raw id.
/// </summary>
public sealed class UnitPseudonym : IEquatable<UnitPseudonym>
{
    public const int ByteLength = 32;

    private readonly byte[] _bytes;

    internal UnitPseudonym(byte[] bytes)
    {
        if (bytes.Length != ByteLength)
        {
            throw new ArgumentException($"A unit pseudonym is {ByteLength} bytes.", nameof(bytes));
        }
        _bytes = bytes;
    }

    /// <summary>Reads back a pseudonym stored in its <see cref="ToHex"/> form.</summary>
    public static UnitPseudonym FromHex(string hex) => new(Convert.FromHexString(hex));

    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <summary>Lower-case hex, 64 characters: the form stored and logged.</summary>
    public string ToHex() => Convert.ToHexStringLower(_bytes);

    /// <summary>Unpadded base64url, 43 characters: for URLs and headers.</summary>
    public string ToBase64Url() => Base64Url.EncodeToString(_bytes);

    public override string ToString() => ToHex();

    public bool Equals(UnitPseudonym? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as UnitPseudonym);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);
}
