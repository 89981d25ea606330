using System.Diagnostics;

namespace Lotte.LoadTest;

/// <summary>Median and 99th percentile of recorded latencies (nearest rank, over every request).</summary>
public sealed record LatencySummary(TimeSpan P50, TimeSpan P99)
{
    public static LatencySummary Of(IEnumerable<long> stopwatchTicks)
    {
        var sorted = stopwatchTicks.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(TimeSpan.Zero, TimeSpan.Zero);
        }

        return new LatencySummary(At(sorted, 0.50), At(sorted, 0.99));
    }

    private static TimeSpan At(long[] sorted, double quantile)
    {
        var rank = (int)Math.Ceiling(quantile * sorted.Length) - 1;
        return TimeSpan.FromSeconds(sorted[Math.Clamp(rank, 0, sorted.Length - 1)] / (double)Stopwatch.Frequency);
    }
}
