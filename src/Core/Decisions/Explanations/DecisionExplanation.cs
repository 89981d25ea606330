namespace Lotte.Core.Decisions.Explanations;

/// <summary>The same plain-language explanation of a decision in English and in Korean.</summary>
public sealed record DecisionExplanation(string English, string Korean);
