using Lotte.Core.Analysis;
using Lotte.Core.Decisions;

namespace Lotte.Core.Experiments;

/// <summary>One row of the experiments list: the experiment, its numbers now, and the decision the engine would take now.</summary>
public sealed record ExperimentOverview(ExperimentSummary Summary, ExperimentTotals Totals, DecisionResult Decision);
