namespace Lotte.LoadTest;

/// <summary>
/// A phase against its baseline from the same run: the throughput ratio (the goal's measure), its spread over
/// the rounds, and the ratio of CPU cost per item, which other processes on the machine disturb less.
/// </summary>
public sealed record Comparison(string Name, PhaseResult Subject, PhaseResult Baseline, double Goal)
{
    public double Ratio => Subject.Total.PerSecond / Baseline.Total.PerSecond;

    public IReadOnlyList<double> RoundRatios => [.. Subject.RoundRates.Zip(Baseline.RoundRates, (s, b) => s / b)];

    public double CpuRatio => Baseline.Total.CpuMicrosecondsPerItem / Subject.Total.CpuMicrosecondsPerItem;

    public bool Met => Ratio >= Goal;
}
