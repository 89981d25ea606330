using Lotte.Core.Decisions;
using Lotte.Core.Experiments;

namespace Lotte.Core.Monitoring;

/// <summary>
/// One live experiment as the metrics show it: both arms' cumulative counts, the live decision and its p-values,
/// the policy's thresholds (so alert rules compare against the policy, not a copied number) and its timestamps.
/// </summary>
public sealed record ExperimentGauges(
    string Key,
    string Model,
    ExperimentStatus Status,
    ArmSnapshot Production,
    ArmSnapshot Staging,
    Decision Decision,
    double PolicyPValue,
    double? SampleRatioPValue,
    double SampleRatioAlpha,
    double MaxStagingErrorRate,
    DateTimeOffset? StartedAt,
    DateTimeOffset? LastEventAt,
    DateTimeOffset? AwaitingApprovalSince)
{
    /// <summary>Seconds since the last ingested batch that stored new events (since the start when none came yet); null when no traffic is expected (paused).</summary>
    public double? IngestionLagSeconds(DateTimeOffset now) =>
        Status == ExperimentStatus.Paused || (LastEventAt ?? StartedAt) is not { } since ? null : Math.Max(0, (now - since).TotalSeconds);
}
