using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Drift;

/// <summary>One point of the drift charts: a look's time and each comparison's numbers.</summary>
public sealed record DriftHistoryPoint(DateTimeOffset At, IReadOnlyDictionary<DriftComparisonKind, ScoreDriftComparison> Comparisons);
