using Lotte.Core.Analysis;
using Lotte.Core.Auditing;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Drift;
using Lotte.Core.ModelRegistry;

namespace Lotte.Core.Experiments;

/// <summary>
/// Everything the experiment page shows, culture-neutral: the experiment, its numbers now, the downsampled
/// history, the engine's persisted looks and its live decision, both versions' offline metrics, its audit trail and
/// the registry changes it caused (pending, applied, failed).
/// </summary>
public sealed record ExperimentDetail(
    Experiment Experiment,
    ExperimentTotals Totals,
    IReadOnlyList<ArmSeriesPoint> Series,
    IReadOnlyList<DecisionLook> Looks,
    DecisionResult Decision,
    ModelVersion? ProductionModel,
    ModelVersion? StagingModel,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<RegistryChange> RegistryChanges,
    DateTimeOffset LoadedAt)
{
    /// <summary>A shadow test's latency per arm over the last day (empty for an A/B test).</summary>
    public IReadOnlyList<ServingLatency> ShadowLatency { get; init; } = [];

    /// <summary>The latest drift look with its histograms (null until the engine has looked at prediction scores).</summary>
    public DriftLookDetail? Drift { get; init; }

    /// <summary>The drift looks, thinned out like <see cref="Looks"/>.</summary>
    public IReadOnlyList<DriftHistoryPoint> DriftHistory { get; init; } = [];

    /// <summary>Start of the first statistics bucket: traffic rates are measured from here.</summary>
    public DateTimeOffset? FirstDataAt => Series.Count == 0 ? null : Series[0].At - Analysis.ExperimentStatisticsReader.BinWidth(Series[^1].At - Series[0].At, Series.Count);
}
