namespace Lotte.Core.Drift;

/// <summary>
/// One persisted drift look of an experiment: the levels, every comparison's numbers and the three histograms
/// (JSON), so the page reads one row for the latest look and a thinned-out history for the charts.
/// </summary>
public sealed class DriftLook
{
    public long Id { get; set; }
    public Guid ExperimentId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Level { get; set; } = "";
    public string StagingLevel { get; set; } = "";
    public string ReferenceKind { get; set; } = "";
    public string ComparisonsJson { get; set; } = "[]";
    public string HistogramsJson { get; set; } = "{}";
}
