namespace Lotte.Core.Statistics;

/// <summary>
/// The single-look ("naive") two-sided p-value the engine shows, the method that produced it, and the z-test
/// that is always computed alongside.
/// </summary>
public sealed record FixedHorizonResult(double PTwoSided, FixedHorizonMethod Method, TwoProportionZTestResult ZTest);
