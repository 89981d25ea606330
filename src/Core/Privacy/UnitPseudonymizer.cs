using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Lotte.Core.Privacy;

/// <summary>
/// Replaces a raw unit id by HMAC-SHA256(pseudonym key, UTF-8 of the id): equal ids give equal
/// pseudonyms, and without the key a pseudonym can be neither reversed nor recomputed from a guessed id.
/// </summary>
/// <remarks>
/// The pseudonym does not depend on the experiment. One unit keeps one pseudonym across experiments,
/// so the system can count a unit's exposure to several experiments at once, find units that would
/// otherwise be double-counted, and keep a unit's sticky assignments together. A per-experiment
/// pseudonym would limit linkage inside the database, but the linkage that matters (back to a person)
/// already needs the key, which never reaches the database, and losing cross-experiment counts would
/// hide interference between experiments that run on the same users.
/// </remarks>
public sealed class UnitPseudonymizer
{
    private readonly byte[] _key;

    public UnitPseudonymizer(IOptions<PrivacyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PrivacyKeyMaterial.ThrowIfInvalid(options.Value);
        _key = PrivacyKeyMaterial.TryDecode(options.Value.PseudonymKey)!;
    }

    public UnitPseudonym Pseudonymize(UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new UnitPseudonym(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(unit.Reveal())));
    }
}
