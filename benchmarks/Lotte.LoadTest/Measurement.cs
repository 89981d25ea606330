namespace Lotte.LoadTest;

/// <summary>One measured stretch: items done (events, rows or requests), wall time, every item's latency, CPU used, failures.</summary>
public sealed record Measurement(long Items, TimeSpan Elapsed, long[] Latencies, CpuUsage Cpu, int Failures = 0)
{
    public double PerSecond => Items / Elapsed.TotalSeconds;

    /// <summary>CPU spent per item by the generator, the server and PostgreSQL (what other processes took is left out).</summary>
    public double CpuMicrosecondsPerItem => (Cpu.Client + Cpu.Server + Cpu.Postgres + Cpu.PostgresBackground) / Items * 1e6;

    public static Measurement Sum(IReadOnlyList<Measurement> parts) => new(
        parts.Sum(p => p.Items),
        TimeSpan.FromTicks(parts.Sum(p => p.Elapsed.Ticks)),
        [.. parts.SelectMany(p => p.Latencies)],
        new CpuUsage(parts.Sum(p => p.Cpu.Client), parts.Sum(p => p.Cpu.Server), parts.Sum(p => p.Cpu.Postgres),
            parts.Sum(p => p.Cpu.PostgresBackground), parts.Sum(p => p.Cpu.Machine)),
        parts.Sum(p => p.Failures));
}
