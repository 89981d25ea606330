using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace Lotte.Core.Privacy;

/// <summary>
/// A raw unit id (a customer or broker id): personal data. It prints, formats, debugs and serialises
/// as a redacted placeholder, so logging it by mistake leaks nothing; <see cref="Reveal"/> is the one,
/// deliberate way to the raw value (for pseudonymising, and for hashing to an arm).
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class UnitId : IEquatable<UnitId>
{
    public const string Redacted = "[redacted unit id]";

    private readonly string _raw;

    public UnitId(string raw)
    {
        // Messages name the parameter only, never the value.
        ArgumentException.ThrowIfNullOrEmpty(raw);
        if (!IsWellFormedUtf16(raw))
        {
            // A lone surrogate has no UTF-8 form: two such ids could share one pseudonym.
            throw new ArgumentException("A unit id must be well-formed Unicode text.", nameof(raw));
        }
        _raw = raw;
    }

    /// <summary>The raw id. Call only where the raw value is needed, and never log the result.</summary>
    public string Reveal() => _raw;

    public override string ToString() => Redacted;

    public bool Equals(UnitId? other) => other is not null && string.Equals(_raw, other._raw, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as UnitId);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_raw);

    private static bool IsWellFormedUtf16(string text)
    {
        var remaining = text.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }
            remaining = remaining[consumed..];
        }
        return true;
    }
}
