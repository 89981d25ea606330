namespace Lotte.Core.Statistics;

/// <summary>Which test produced a fixed-horizon (single-look) p-value.</summary>
public enum FixedHorizonMethod
{
    /// <summary>Two-proportion z-test with pooled variance.</summary>
    PooledZTest,

    /// <summary>Fisher's exact test, two-sided.</summary>
    FisherExact,
}
