using Lotte.Core.Decisions;

namespace Lotte.Core.Analysis;

/// <summary>Cumulative sufficient statistics of both arms up to <see cref="At"/> (the end of a downsampled bucket).</summary>
public sealed record ArmSeriesPoint(DateTimeOffset At, ArmSnapshot Production, ArmSnapshot Staging);
