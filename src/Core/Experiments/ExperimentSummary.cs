namespace Lotte.Core.Experiments;

/// <summary>One row of the experiments list.</summary>
public sealed record ExperimentSummary(
    Guid Id,
    string Key,
    string Name,
    string ModelName,
    string ProductionVersion,
    string StagingVersion,
    ExperimentStatus Status,
    ExperimentMode Mode,
    double StagingShare,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt);
