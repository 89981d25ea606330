namespace Lotte.Core.Assignment;

/// <summary>
/// Assigns a unit to an arm from its id alone: no lookup table, so every replica and every restart
/// agrees, and so does any GrowthBook SDK given <see cref="GrowthBookBucketing.ForStagingShare"/>.
/// </summary>
/// <remarks>
/// Unit ids are hashed exactly as given, UTF-16 code unit by code unit, with no trimming or Unicode
/// normalisation: the SDKs do none either, so a composed and a decomposed Hangul id are different units.
/// </remarks>
public sealed class ArmAssigner
{
    /// <summary>The arm of <paramref name="unitId"/> in the experiment seeded by <paramref name="hashSeed"/>.</summary>
    public Arm Assign(string hashSeed, string unitId, StagingShare share)
    {
        ArgumentException.ThrowIfNullOrEmpty(hashSeed);
        // SDKs leave a unit with an empty id out of the experiment; here that is a caller's bug.
        ArgumentException.ThrowIfNullOrEmpty(unitId);

        // Rollback overrides everything, without hashing.
        if (share.IsRollback)
        {
            return Arm.Production;
        }

        var bucketing = GrowthBookBucketing.ForStagingShare(hashSeed, share);
        var bucket = GrowthBookHash.Hash(hashSeed, unitId, bucketing.HashVersion)
            ?? throw new InvalidOperationException($"Hash version {bucketing.HashVersion} is not defined.");
        var variation = BucketRanges.ChooseVariation(bucket, bucketing.Ranges);

        // A bucket outside every range is outside the experiment, which SDKs serve as variation 0.
        return variation < 0 ? Arm.Production : GrowthBookBucketing.Variations[variation];
    }
}
