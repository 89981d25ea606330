namespace Lotte.Core.Drift;

/// <summary>
/// One point of the drift charts: a look's time and the PSI and KS p-value of Staging's and Production's scores against
/// the reference (null when a side had no scores at that look).
/// </summary>
public sealed record DriftHistoryPoint(DateTimeOffset At, double? StagingPsi, double? ProductionPsi, double? StagingKsPValue, double? ProductionKsPValue);
