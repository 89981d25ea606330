namespace Lotte.Core.Assignment;

/// <summary>A half-open interval [Start, End) of hash values that one variation owns.</summary>
public readonly record struct BucketRange(double Start, double End)
{
    /// <summary>True when <paramref name="bucket"/> falls in [Start, End); an empty range contains nothing.</summary>
    public bool Contains(double bucket) => bucket >= Start && bucket < End;
}
