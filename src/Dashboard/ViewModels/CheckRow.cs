using Lotte.Core.Decisions;

namespace Lotte.Dashboard.ViewModels;

/// <summary>One line of the decision card: what was checked, what was observed, against what, and the outcome.</summary>
public sealed record CheckRow(CheckKind Kind, string Observed, string Threshold, CheckOutcome Outcome);
