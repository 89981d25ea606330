using System.Globalization;

namespace Lotte.Core.Assignment;

/// <summary>
/// GrowthBook's hashing, bit for bit: FNV-1a 32-bit over the UTF-16 code units of a string
/// (JavaScript's <c>charCodeAt</c>, which a .NET <see cref="string"/> already holds), mapped to [0, 1).
/// </summary>
public static class GrowthBookHash
{
    /// <summary>The hash version every experiment of this project uses: unbiased, seed first.</summary>
    public const int CurrentVersion = 2;

    private const uint OffsetBasis = 0x811C9DC5;
    private const uint Prime = 0x01000193;

    /// <summary>FNV-1a 32-bit over UTF-16 code units. Not UTF-8: a Hangul syllable is one unit, not three bytes.</summary>
    public static uint Fnv1a32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = OffsetBasis;
        foreach (var codeUnit in text)
        {
            hash ^= codeUnit;
            hash = unchecked(hash * Prime);
        }
        return hash;
    }

    /// <summary>
    /// The bucket of <paramref name="value"/> for <paramref name="seed"/> in [0, 1), or null for a
    /// hash version GrowthBook does not define (SDKs then leave the unit out of the experiment).
    /// </summary>
    public static double? Hash(string seed, string value, int version)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(value);
        return version switch
        {
            // Version 2 re-hashes the decimal text of the first hash: this removes the bias of version 1.
            2 => Fnv1a32(Fnv1a32(seed + value).ToString(CultureInfo.InvariantCulture)) % 10000 / 10000.0,
            1 => Fnv1a32(value + seed) % 1000 / 1000.0,
            _ => null,
        };
    }
}
