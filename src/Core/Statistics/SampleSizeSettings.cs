namespace Lotte.Core.Statistics;

/// <summary>
/// Design of a fixed-horizon test. <see cref="AllocationRatio"/> is k = n_control / n_treatment
/// (9 for a 90 % Production / 10 % Staging split). α is two-sided.
/// </summary>
public sealed record SampleSizeSettings(
    double Alpha = 0.05,
    double Power = 0.8,
    double AllocationRatio = 9,
    SampleSizeMethod Method = SampleSizeMethod.PooledVariance)
{
    public static SampleSizeSettings Default { get; } = new();

    /// <summary>k for a given Staging traffic share s: (1 − s)/s.</summary>
    public static double AllocationRatioForShare(double stagingShare) => (1 - stagingShare) / stagingShare;
}
