namespace Lotte.Core.Experiments;

/// <summary>
/// The per-experiment decision policy as stored with the experiment (a JSON column, so new settings
/// do not need a migration: a missing field reads as its default).
/// </summary>
public sealed record ExperimentPolicy
{
    /// <summary>"Sequential" (recommended, peeking-safe) or "Adr008AsWritten".</summary>
    public string Kind { get; init; } = "Sequential";

    /// <summary>Staging error rate above which the experiment rolls back (ADR-008: 1%).</summary>
    public double MaxStagingErrorRate { get; init; } = 0.01;

    /// <summary>Relative conversion lift Staging must exceed to be promoted (ADR-008: 5%).</summary>
    public double MinRelativeLift { get; init; } = 0.05;

    /// <summary>Significance level for PROMOTE (ADR-008: 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Who must approve a PROMOTE: "OneLead", "TwoLeads" or "AutoApply".</summary>
    public string Approval { get; init; } = "OneLead";
}
