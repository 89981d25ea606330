namespace Lotte.Core.Statistics;

/// <summary>Which variance formula a sample-size or power calculation uses.</summary>
public enum SampleSizeMethod
{
    /// <summary>
    /// Two-proportion z-test with the pooled variance under H0 and the unpooled variance under H1
    /// (Fleiss, no continuity correction; R's <c>power.prop.test</c> for equal arms). The engine's default.
    /// </summary>
    PooledVariance,

    /// <summary>Two-proportion z-test with the unpooled variance under both H0 and H1.</summary>
    UnpooledVariance,

    /// <summary>
    /// Arcsine effect size h = 2·asin√p_t − 2·asin√p_c, solving the power equation with both rejection tails
    /// (the equation statsmodels' <c>NormalIndPower</c> solves).
    /// </summary>
    ArcsineExact,

    /// <summary>Arcsine effect size, closed form ((z_α + z_β)/h)²·(1 + k)/k (one tail only).</summary>
    ArcsineClosedForm,
}
