using System.Globalization;
using System.Text;

namespace Lotte.LoadTest;

/// <summary>The results as Markdown: one row per phase, then each comparison against its goal.</summary>
public static class ResultsTable
{
    public static string Format(IReadOnlyList<Comparison> comparisons)
    {
        var text = new StringBuilder();
        text.AppendLine("| phase | items | seconds | rate | p50 | p99 | CPU s: client / server / PostgreSQL / PG background / other | CPU µs per item | failures |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        foreach (var phase in comparisons.SelectMany(c => new[] { c.Subject, c.Baseline }).Distinct())
        {
            var m = phase.Total;
            text.Append(Invariant($"| {phase.Name} | {m.Items:N0} {phase.Unit} | {m.Elapsed.TotalSeconds:F1} | {m.PerSecond:N0}/s | "));
            text.AppendLine(Invariant($"{Ms(phase.Latency.P50)} | {Ms(phase.Latency.P99)} | {m.Cpu.Client:F1} / {m.Cpu.Server:F1} / {m.Cpu.Postgres:F1} / {m.Cpu.PostgresBackground:F1} / {m.Cpu.Other:F1} | {m.CpuMicrosecondsPerItem:F1} | {m.Failures} |"));
        }

        text.AppendLine();
        text.AppendLine("| ratio | measured | rounds (min – max) | CPU cost ratio | goal | met |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var c in comparisons)
        {
            text.AppendLine(Invariant($"| {c.Name} | {c.Ratio:P1} | {c.RoundRatios.Min():P0} – {c.RoundRatios.Max():P0} | {c.CpuRatio:P1} | ≥ {c.Goal:P0} | {(c.Met ? "yes" : "**no**")} |"));
        }

        return text.ToString();
    }

    private static string Ms(TimeSpan latency) =>
        latency.TotalMilliseconds >= 10 ? Invariant($"{latency.TotalMilliseconds:F0} ms") : Invariant($"{latency.TotalMilliseconds:F2} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
