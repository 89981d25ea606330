using Lotte.Core.Experiments;

namespace Lotte.Core.Assignment;

/// <summary>
/// What assignment needs to know of one experiment, as cached by each replica. The row version
/// (PostgreSQL's xmin) changes with every update of the experiment, so it doubles as the ETag.
/// </summary>
public sealed record AssignmentConfig(
    Guid ExperimentId,
    string Key,
    string HashSeed,
    ExperimentStatus Status,
    ExperimentMode Mode,
    double StagingShare,
    double StagingShareLow,
    double StagingShareHigh,
    DateTimeOffset? StartedAt,
    string ModelName,
    string ProductionVersion,
    string StagingVersion,
    uint RowVersion)
{
    /// <summary>Staging serves users only in a running A/B test with a positive share; shadow mode never does.</summary>
    public bool ServesStaging => Status == ExperimentStatus.Running && Mode == ExperimentMode.AbTest && StagingShare > 0;

    public string ETag => $"\"{ExperimentId:N}.{RowVersion}\"";

    public string VersionOf(Arm arm) => arm == Arm.Staging ? StagingVersion : ProductionVersion;
}
