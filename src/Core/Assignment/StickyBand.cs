namespace Lotte.Core.Assignment;

/// <summary>
/// Staging owns the hash buckets [1 − share, 1). Over an experiment whose positive shares ranged from
/// Low to High, a unit with bucket ≥ 1 − Low was always Staging and one below 1 − High always
/// Production: only buckets in between may have been exposed in another arm than the current share
/// gives them, and only those need the persisted first arm.
/// </summary>
public sealed class StickyBand
{
    private readonly string _seed;
    private readonly GrowthBookBucketing _current;
    private readonly GrowthBookBucketing _low;
    private readonly GrowthBookBucketing _high;

    public StickyBand(AssignmentConfig config)
    {
        _seed = config.HashSeed;
        _current = GrowthBookBucketing.ForStagingShare(_seed, new StagingShare(config.StagingShare));
        _low = GrowthBookBucketing.ForStagingShare(_seed, new StagingShare(Math.Min(config.StagingShareLow, config.StagingShare)));
        _high = GrowthBookBucketing.ForStagingShare(_seed, new StagingShare(Math.Max(config.StagingShareHigh, config.StagingShare)));
    }

    public double BucketOf(string unitId) =>
        GrowthBookHash.Hash(_seed, unitId, _current.HashVersion) ?? throw new InvalidOperationException("Unknown hash version.");

    public Arm CurrentArm(double bucket) => ArmIn(_current, bucket);

    public bool ArmMayHaveChanged(double bucket) => ArmIn(_low, bucket) != ArmIn(_high, bucket);

    private static Arm ArmIn(GrowthBookBucketing bucketing, double bucket)
    {
        var variation = BucketRanges.ChooseVariation(bucket, bucketing.Ranges);
        return variation < 0 ? Arm.Production : GrowthBookBucketing.Variations[variation];
    }
}
