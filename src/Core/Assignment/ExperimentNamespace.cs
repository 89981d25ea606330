namespace Lotte.Core.Assignment;

/// <summary>
/// A GrowthBook namespace: a slice [Start, End) of units, so that mutually exclusive experiments
/// can take disjoint slices. Uses hash version 1 with seed "__" + id, as every SDK does.
/// </summary>
public sealed record ExperimentNamespace(string Id, double Start, double End)
{
    /// <summary>True when <paramref name="unitId"/> hashes into this namespace's slice.</summary>
    public bool Includes(string unitId)
    {
        var bucket = GrowthBookHash.Hash("__" + Id, unitId, 1);
        return bucket is { } n && new BucketRange(Start, End).Contains(n);
    }
}
