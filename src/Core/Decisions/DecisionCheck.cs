namespace Lotte.Core.Decisions;

/// <summary>
/// One condition as a lead sees it: what was observed, the threshold it is compared with, and the outcome.
/// <see cref="Observed"/> is null when it cannot be computed (e.g. a lift over a 0 % Production rate).
/// </summary>
public sealed record DecisionCheck(CheckKind Kind, double? Observed, double Threshold, CheckOutcome Outcome);
