using Lotte.Core.Demo;

namespace Lotte.Dashboard.Demo;

/// <summary>
/// The true behaviour of each demo experiment's arms: conversion rates, and Staging's error rate over
/// time. The better model converts 6.5% against Production's 5%; the failing one converts like
/// Production but its serving path breaks: errors climb from 0.3% to 8% after a while. Prediction scores are u^power
/// with u uniform: Production's power is 1.8 and the better model scores alike; the failing model's new feature store
/// shifts its scores from the start (power 1.2: PSI ≈ 0.14, a drift warning) and further once its serving path breaks
/// (down to power 0.6: PSI ≈ 1.2, an alert).
/// </summary>
internal sealed record DemoScenario(string ExperimentKey, double ProductionConversion, double StagingConversion,
    double ProductionErrorRate, Func<TimeSpan, double> StagingErrorRate, Func<TimeSpan, double> StagingScorePower)
{
    public const double ProductionScorePower = 1.8;

    public static IReadOnlyList<DemoScenario> All(DemoTrafficOptions options) =>
    [
        new(DemoSeeder.BetterStagingKey, 0.05, 0.065, 0.002, _ => 0.003, _ => ProductionScorePower),
        new(DemoSeeder.FailingStagingKey, 0.05, 0.05, 0.002,
            elapsed => elapsed < options.FailureStartsAfter ? 0.003 : Math.Min(0.08, 0.003 + ((elapsed - options.FailureStartsAfter).TotalMinutes * 0.04)),
            elapsed => elapsed < options.FailureStartsAfter ? 1.2 : Math.Max(0.6, 1.2 - (elapsed - options.FailureStartsAfter).TotalMinutes)),
    ];
}
