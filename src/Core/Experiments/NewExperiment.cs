using Lotte.Core.Decisions;

namespace Lotte.Core.Experiments;

/// <summary>What the ML team fills in to start testing a Staging version against Production.</summary>
public sealed record NewExperiment(
    string Key,
    string Name,
    string? Description,
    string ModelName,
    string ProductionVersion,
    string StagingVersion,
    double StagingShare,
    ExperimentMode Mode,
    DecisionPolicy Policy,
    ApprovalMode ApprovalMode,
    bool StartNow);
