namespace Lotte.Core.Decisions;

/// <summary>
/// Both arms of a Production-vs-Staging experiment at one look. <see cref="StagingShare"/> is the configured
/// share of traffic sent to Staging (0.1 = 10 %), used for the sample-ratio check.
/// </summary>
public sealed record ExperimentSnapshot(ArmSnapshot Production, ArmSnapshot Staging, double StagingShare = 0.1)
{
    public long TotalUnits => Production.ExposedUnits + Staging.ExposedUnits;

    public bool IsValid => Production.IsValid && Staging.IsValid && StagingShare is > 0 and < 1;
}
