namespace Lotte.Core.Statistics;

/// <summary>
/// Settings of GrowthBook's sequential test. <see cref="TuningParameter"/> is its
/// <c>sequentialTestingTuningParameter</c> N*, the total sample size at which the interval is tightest (default 5 000).
/// </summary>
public sealed record GrowthBookSequentialSettings(
    double Alpha = 0.05,
    double TuningParameter = 5000,
    DifferenceType DifferenceType = DifferenceType.Relative)
{
    public static GrowthBookSequentialSettings Default { get; } = new();

    public bool IsValid => Alpha is > 0 and < 1 && TuningParameter > 0 && double.IsFinite(TuningParameter);
}
