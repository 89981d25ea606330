using Lotte.Core.Assignment;

namespace Lotte.Core.Analysis;

/// <summary>One arm's serving latency over a recent window: how many answers carried a latency, the median and the 95th percentile.</summary>
public sealed record ServingLatency(Arm Arm, long Answers, double MedianMs, double P95Ms);
