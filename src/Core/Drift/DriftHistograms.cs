using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Drift;

/// <summary>The three histograms a drift look compares, and the reference's source and time range.</summary>
public sealed record DriftHistograms(
    ScoreHistogram Reference,
    ScoreHistogram Production,
    ScoreHistogram Staging,
    DriftReferenceKind ReferenceKind,
    DateTimeOffset? ReferenceFrom,
    DateTimeOffset? ReferenceTo);
