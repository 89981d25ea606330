using BenchmarkDotNet.Attributes;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Simulation;

namespace Lotte.Benchmarks;

/// <summary>
/// Simulator throughput on the acceptance scenario (A/A, a look every 1 000 units up to 200 000, so every run
/// goes through up to 200 evaluations). Times are per simulated run (<see cref="RunsPerInvoke"/> runs per call):
/// runs per second = 1 / mean.
/// </summary>
[MemoryDiagnoser]
public class SimulatorBenchmarks
{
    private const int RunsPerInvoke = 200;

    [Params(1, -1)]
    public int Threads { get; set; }

    [Params(PolicyKind.Adr008AsWritten, PolicyKind.Sequential)]
    public PolicyKind Policy { get; set; }

    [Benchmark(OperationsPerInvoke = RunsPerInvoke, Description = "one simulated A/A run (200 looks)")]
    public SimulationReport SimulateRuns() => PolicySimulator.Run(new SimulationSettings
    {
        Policy = Policy == PolicyKind.Sequential ? DecisionPolicy.SequentialRecommended : DecisionPolicy.Adr008AsWritten,
        Runs = RunsPerInvoke,
        Seed = 20240601,
        MaxDegreeOfParallelism = Threads,
    });
}
