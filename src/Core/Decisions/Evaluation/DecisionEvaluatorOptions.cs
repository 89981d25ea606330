namespace Lotte.Core.Decisions.Evaluation;

/// <summary>Settings of the "Decisions" section.</summary>
public sealed class DecisionEvaluatorOptions
{
    public const string SectionName = "Decisions";

    /// <summary>
    /// How often the engine takes a look (persisted, and acted on) at each experiment with new data. The
    /// always-valid p-value is safe at any look frequency; the dashboard also shows a live look in between.
    /// </summary>
    public TimeSpan LookInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Turn the evaluator off on this replica (e.g. a read-only dashboard).</summary>
    public bool Enabled { get; set; } = true;
}
