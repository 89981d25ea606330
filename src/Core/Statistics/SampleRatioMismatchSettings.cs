namespace Lotte.Core.Statistics;

/// <summary>
/// When a sample-ratio mismatch is flagged: p &lt; <see cref="Alpha"/> once every arm has at least
/// <see cref="MinimumUnitsPerArm"/> units (GrowthBook's and Eppo's convention: 0.001 and 8).
/// </summary>
public sealed record SampleRatioMismatchSettings(double Alpha = 0.001, long MinimumUnitsPerArm = 8)
{
    public static SampleRatioMismatchSettings Default { get; } = new();
}
