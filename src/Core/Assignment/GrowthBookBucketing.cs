namespace Lotte.Core.Assignment;

/// <summary>
/// What a GrowthBook SDK needs to assign an experiment's units in-process with the same result
/// as <see cref="ArmAssigner"/>: the experiment's seed, hash version 2, variations in
/// <see cref="Variations"/> order, coverage 1 and these weights (or, equivalently, these ranges).
/// </summary>
/// <remarks>
/// Layout: variations [Production, Staging] with weights [1 − s, s], so Production owns [0, 1 − s) and
/// Staging owns [1 − s, 1). Staging's range grows downwards from the fixed end 1 as s grows, so a unit
/// in Staging at a smaller share is in Staging at every larger one (1 − s is monotone in floating point
/// too). Production stays variation 0 because SDKs treat variation 0 as the control and serve it to
/// units outside the experiment. Coverage stays 1: a coverage ramp would leave units outside the
/// experiment instead of in Production. Share 0 gives weights [1, 0]: everyone in Production.
/// </remarks>
public sealed record GrowthBookBucketing(
    string Seed,
    int HashVersion,
    double Coverage,
    IReadOnlyList<double> Weights,
    IReadOnlyList<BucketRange> Ranges)
{
    /// <summary>Variation order of <see cref="Weights"/> and <see cref="Ranges"/>.</summary>
    public static IReadOnlyList<Arm> Variations { get; } = [Arm.Production, Arm.Staging];

    /// <summary>The bucketing of an experiment with hash seed <paramref name="seed"/> at <paramref name="share"/>.</summary>
    public static GrowthBookBucketing ForStagingShare(string seed, StagingShare share)
    {
        // SDKs fall back to the experiment key when the seed is empty, which would bucket differently.
        ArgumentException.ThrowIfNullOrEmpty(seed);
        IReadOnlyList<double> weights = [1 - share.Value, share.Value];
        const double coverage = 1;
        return new GrowthBookBucketing(
            seed,
            GrowthBookHash.CurrentVersion,
            coverage,
            weights,
            BucketRanges.GetBucketRanges(Variations.Count, coverage, weights));
    }
}
