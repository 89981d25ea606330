using Lotte.Core.Decisions;
using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Drift;

/// <summary>
/// The drift of one look: every comparison with its level. <see cref="Level"/> is the worst level of the two
/// comparisons against the reference (Staging vs Production differs by design: it is shown, not judged);
/// <see cref="StagingLevel"/> is the one a drift rollback acts on.
/// </summary>
public sealed record DriftAssessment(
    DateTimeOffset At,
    DriftReferenceKind ReferenceKind,
    IReadOnlyList<DriftComparisonResult> Comparisons)
{
    public DriftLevel StagingLevel => Of(DriftComparisonKind.StagingVsReference)?.Level ?? DriftLevel.NotEvaluated;

    public DriftLevel Level => (DriftLevel)Math.Max((int)StagingLevel, (int)(Of(DriftComparisonKind.ProductionVsReference)?.Level ?? DriftLevel.NotEvaluated));

    public DriftComparisonResult? Of(DriftComparisonKind kind) => Comparisons.FirstOrDefault(c => c.Kind == kind);

    public static DriftAssessment Assess(DriftHistograms histograms, DriftPolicy policy, DateTimeOffset at)
    {
        DriftComparisonResult Compare(DriftComparisonKind kind, ScoreHistogram reference, ScoreHistogram current)
        {
            var numbers = ScoreDriftComparison.Compute(reference, current);
            return new DriftComparisonResult(kind, numbers, policy.Judge(numbers));
        }

        return new DriftAssessment(at, histograms.ReferenceKind,
        [
            Compare(DriftComparisonKind.StagingVsReference, histograms.Reference, histograms.Staging),
            Compare(DriftComparisonKind.ProductionVsReference, histograms.Reference, histograms.Production),
            Compare(DriftComparisonKind.StagingVsProduction, histograms.Production, histograms.Staging),
        ]);
    }
}
