using Lotte.Core.Decisions;
using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Drift;

/// <summary>One comparison's numbers and the level the policy gives them.</summary>
public sealed record DriftComparisonResult(DriftComparisonKind Kind, ScoreDriftComparison Numbers, DriftLevel Level);
