namespace Lotte.Core.Drift;

/// <summary>
/// One persisted drift look of an experiment: the levels, every comparison's numbers and the three histograms
/// (JSON) for the latest look, and the numbers the history charts plot as columns (read from the index alone).
/// The plotted numbers are null when a side of that comparison had no scores.
/// </summary>
public sealed class DriftLook
{
    public long Id { get; set; }
    public Guid ExperimentId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Level { get; set; } = "";
    public string StagingLevel { get; set; } = "";
    public string ReferenceKind { get; set; } = "";
    public double? StagingPsi { get; set; }
    public double? ProductionPsi { get; set; }
    public double? StagingKsPValue { get; set; }
    public double? ProductionKsPValue { get; set; }
    public string ComparisonsJson { get; set; } = "[]";
    public string HistogramsJson { get; set; } = "{}";
}
