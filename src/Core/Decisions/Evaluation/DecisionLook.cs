namespace Lotte.Core.Decisions.Evaluation;

/// <summary>One persisted look, as the p-value-over-time chart needs it.</summary>
public sealed record DecisionLook(DateTimeOffset At, Decision Decision, double NaivePValue, double PolicyPValue);
