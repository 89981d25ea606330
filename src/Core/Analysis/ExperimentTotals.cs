using Lotte.Core.Decisions;

namespace Lotte.Core.Analysis;

/// <summary>An experiment's cumulative numbers now: both arms, plus what belongs to no arm.</summary>
public sealed record ExperimentTotals(
    ArmSnapshot Production,
    ArmSnapshot Staging,
    long UnattributedConversions,
    long UnitsInBothArms,
    DateTimeOffset? LastEventAt)
{
    public static ExperimentTotals Empty { get; } = new(new(0, 0, 0, 0, 0, 0), new(0, 0, 0, 0, 0, 0), 0, 0, null);
}
