using Lotte.Core.Statistics;

namespace Lotte.Core.Decisions;

/// <summary>
/// The engine's answer at one look, with the snapshot and policy it judged. <see cref="NaivePValue"/> is the fixed-horizon p and <see cref="PolicyPValue"/>
/// the one the policy compared with α; the UI plots both over time to show what peeking does.
/// Pass <see cref="SequentialState"/> to the next look. Text for people comes from
/// <see cref="Explanations.DecisionExplainer"/>.
/// </summary>
public sealed record DecisionResult(
    Decision Decision,
    ExperimentSnapshot Snapshot,
    DecisionPolicy Policy,
    IReadOnlyList<ReasonCode> Reasons,
    IReadOnlyList<DecisionCheck> Checks,
    ExperimentStatistics? Statistics,
    double NaivePValue,
    double PolicyPValue,
    SequentialState SequentialState)
{
    /// <summary>The prediction scores' drift at the last drift look, when there are prediction events (see <see cref="DriftRule"/>).</summary>
    public Drift.DriftAssessment? Drift { get; init; }

    /// <summary>The check of the given kind, or null when the policy does not use it.</summary>
    public DecisionCheck? Check(CheckKind kind) => Checks.FirstOrDefault(check => check.Kind == kind);
}
