namespace Lotte.LoadTest;

/// <summary>A phase of the run, summed over its rounds, with the rate of each round kept to show the spread.</summary>
public sealed record PhaseResult(string Name, string Unit, Measurement Total, IReadOnlyList<double> RoundRates)
{
    public LatencySummary Latency { get; } = LatencySummary.Of(Total.Latencies);

    public static PhaseResult Of(string name, string unit, IReadOnlyList<Measurement> rounds) =>
        new(name, unit, Measurement.Sum(rounds), [.. rounds.Select(r => r.PerSecond)]);
}
