using Lotte.Core.Statistics;

namespace Lotte.Core.Decisions;

/// <summary>
/// Every statistic the engine computed at one look, for display. Differences and lifts are Staging over Production;
/// intervals are at 1 − α of the policy. <see cref="StagingErrorRate"/> uses the error guard's confidence when set.
/// </summary>
public sealed record ExperimentStatistics(
    ConfidenceInterval ProductionConversion,
    ConfidenceInterval StagingConversion,
    ConfidenceInterval Difference,
    RatioInterval RelativeLift,
    FixedHorizonResult FixedHorizon,
    MixtureSprtResult Sequential,
    GrowthBookSequentialResult? GrowthBook,
    SampleRatioMismatchResult SampleRatio,
    ConfidenceInterval StagingErrorRate,
    ConfidenceInterval ProductionErrorRate,
    WelchTTestResult? Value);
