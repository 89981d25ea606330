using Lotte.Core.Statistics;
using MathNet.Numerics.Random;

namespace Lotte.Core.Decisions.Simulation;

/// <summary>
/// Simulates many experiments under a policy to show how often it promotes a model that is no better, rolls back a
/// healthy one, catches a real lift or a real error problem, and how long that takes. Each look runs the real
/// <see cref="DecisionEngine"/>. Deterministic for a seed regardless of the number of threads.
/// </summary>
public static class PolicySimulator
{
    /// <summary>Runs the scenario on the thread pool; see <see cref="Run"/>.</summary>
    public static Task<SimulationReport> RunAsync(
        SimulationSettings settings, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Run(settings, progress, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs every experiment of the scenario. <paramref name="progress"/> receives the finished fraction (0..1)
    /// about a hundred times; cancelling throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The settings are invalid (see <see cref="SimulationSettings.Validate"/>).</exception>
    public static SimulationReport Run(
        SimulationSettings settings, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(settings));
        }

        var outcomes = new RunOutcome[settings.Runs];
        var finished = 0;
        var reportEvery = Math.Max(1, settings.Runs / 100);
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism,
        };
        Parallel.For(0, settings.Runs, options, run =>
        {
            outcomes[run] = SimulateRun(settings, run, cancellationToken);
            var done = Interlocked.Increment(ref finished);
            if (done % reportEvery == 0 || done == settings.Runs)
            {
                progress?.Report((double)done / settings.Runs);
            }
        });

        return SimulationReportBuilder.Build(settings, outcomes);
    }

    private static RunOutcome SimulateRun(SimulationSettings settings, int run, CancellationToken cancellationToken)
    {
        var random = new Xoshiro256StarStar(SeedSequence.ForRun(settings.Seed, run), threadSafe: false);
        var policy = settings.Policy;
        var production = new ArmCounter(settings.BaselineRate, settings.ProductionErrorRate, settings.RequestsPerUnit);
        var staging = new ArmCounter(settings.StagingConversionRate, settings.StagingErrorRate, settings.RequestsPerUnit);
        var state = SequentialState.Initial;
        var everSignificant = false;
        long units = 0;
        while (units < settings.HorizonUnits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = Math.Min(settings.LookIntervalUnits, settings.HorizonUnits - units);
            var toStaging = BinomialSampler.Sample(random, batch, settings.StagingShare);
            staging.Add(random, toStaging);
            production.Add(random, batch - toStaging);
            units += batch;

            var snapshot = new ExperimentSnapshot(production.Snapshot(), staging.Snapshot(), settings.StagingShare);
            var result = DecisionEngine.Evaluate(snapshot, policy, state);
            state = result.SequentialState;
            everSignificant |= result.PolicyPValue < policy.Alpha;
            if (result.Decision != Decision.KeepTesting)
            {
                return new RunOutcome(result.Decision, result.Reasons[0], units, staging.Requests, everSignificant);
            }
        }

        return new RunOutcome(Decision.KeepTesting, null, units, staging.Requests, everSignificant);
    }

    /// <summary>Cumulative counts of one simulated arm.</summary>
    private sealed class ArmCounter(double conversionRate, double errorRate, int requestsPerUnit)
    {
        private long units, conversions, errors;

        public long Requests { get; private set; }

        public void Add(Random random, long newUnits)
        {
            units += newUnits;
            conversions += BinomialSampler.Sample(random, newUnits, conversionRate);
            var newRequests = newUnits * requestsPerUnit;
            Requests += newRequests;
            errors += BinomialSampler.Sample(random, newRequests, errorRate);
        }

        public ArmSnapshot Snapshot() => new(units, conversions, Requests, errors);
    }
}
