namespace Lotte.Core.Statistics;

/// <summary>How the mixture SPRT estimates V, the variance of θ̂ = p̂_t − p̂_c.</summary>
public enum MixtureSprtVariance
{
    /// <summary>V = p̄(1 − p̄)(1/n_t + 1/n_c) with the pooled rate p̄: symmetric at small counts (see docs/statistics.md).</summary>
    Pooled,

    /// <summary>V = p̂_c(1 − p̂_c)/n_c + p̂_t(1 − p̂_t)/n_t, the plug-in variance of the published formula.</summary>
    Unpooled,
}
