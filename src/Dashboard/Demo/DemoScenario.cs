using Lotte.Core.Demo;

namespace Lotte.Dashboard.Demo;

/// <summary>
/// The true behaviour of each demo experiment's arms: conversion rates, and Staging's error rate over
/// time. The better model converts 6.5% against Production's 5%; the failing one converts like
/// Production but its serving path breaks: errors climb from 0.3% to 8% after a while.
/// </summary>
internal sealed record DemoScenario(string ExperimentKey, double ProductionConversion, double StagingConversion,
    double ProductionErrorRate, Func<TimeSpan, double> StagingErrorRate)
{
    public static IReadOnlyList<DemoScenario> All(DemoTrafficOptions options) =>
    [
        new(DemoSeeder.BetterStagingKey, 0.05, 0.065, 0.002, _ => 0.003),
        new(DemoSeeder.FailingStagingKey, 0.05, 0.05, 0.002,
            elapsed => elapsed < options.FailureStartsAfter ? 0.003 : Math.Min(0.08, 0.003 + ((elapsed - options.FailureStartsAfter).TotalMinutes * 0.04))),
    ];
}
