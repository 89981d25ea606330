using System.Collections.Concurrent;
using Lotte.Core.Decisions.Simulation;
using Lotte.Core.Statistics;

namespace Lotte.Dashboard.ViewModels;

/// <summary>
/// Runs the policy simulator for the create form, off the UI thread, and caches each result per
/// inputs (policy included) for every user of this replica. Cancelled or failed runs are not cached.
/// </summary>
public sealed class PolicyForecaster
{
    public const int Runs = 1_000;
    private const int Looks = 200;
    private const long Seed = 20261125;
    private readonly ConcurrentDictionary<ForecastInputs, PolicyForecast> _cache = new();

    /// <summary>The fixed-horizon plan (units and days for 80% power at the minimum lift), or null if it is undefined.</summary>
    public static (long Units, double Days)? Plan(ForecastInputs inputs)
    {
        if (inputs.BaselineRate is <= 0 or >= 1 || inputs.StagingShare is <= 0 or >= 1 || !(inputs.UnitsPerDay > 0))
        {
            return null;
        }

        var settings = SampleSizeSettings.Default with
        {
            Alpha = inputs.Policy.Alpha,
            AllocationRatio = SampleSizeSettings.AllocationRatioForShare(inputs.StagingShare),
        };
        var plan = SampleSizeCalculator.Compute(inputs.BaselineRate, inputs.Policy.MinRelativeLift, settings);
        if (plan.Error != StatisticsError.None)
        {
            return null;
        }

        var total = (long)Math.Ceiling(Math.Max(plan.Treatment / inputs.StagingShare, plan.Control / (1 - inputs.StagingShare)));
        return (total, total / inputs.UnitsPerDay);
    }

    public bool TryGetCached(ForecastInputs inputs, out PolicyForecast? forecast) => _cache.TryGetValue(inputs, out forecast);

    public async Task<PolicyForecast> ForecastAsync(ForecastInputs inputs, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(inputs, out var cached))
        {
            return cached;
        }

        var plan = Plan(inputs) ?? throw new ArgumentException("The baseline, share and traffic must be positive.", nameof(inputs));
        // Monitor continuously up to twice the fixed-horizon plan, in 200 looks, as the experiment would run.
        var horizon = Math.Clamp(plan.Units * 2, 20_000, 4_000_000);
        var scenario = new SimulationSettings
        {
            Policy = inputs.Policy, BaselineRate = inputs.BaselineRate, StagingShare = inputs.StagingShare, UnitsPerDay = inputs.UnitsPerDay,
            HorizonUnits = horizon, LookIntervalUnits = Math.Max(1, horizon / Looks), Runs = Runs, Seed = Seed,
            // One thread: a form being filled in must never starve the thread pool that serves every circuit.
            MaxDegreeOfParallelism = 1,
        };
        var aa = await PolicySimulator.RunAsync(scenario, Half(progress, 0), cancellationToken);
        var lift = await PolicySimulator.RunAsync(scenario with { TrueRelativeLift = inputs.Policy.MinRelativeLift }, Half(progress, 0.5), cancellationToken);
        var forecast = new PolicyForecast(plan.Units, plan.Days, aa.FalsePromoteRate ?? aa.PromoteRate, lift.Power ?? lift.PromoteRate,
            lift.ToPromote?.MedianUnits, lift.ToPromote?.MedianDays, Runs);
        _cache[inputs] = forecast;
        return forecast;
    }

    private static Progress<double>? Half(IProgress<double>? progress, double offset) =>
        progress is null ? null : new Progress<double>(fraction => progress.Report(offset + (fraction / 2)));
}
