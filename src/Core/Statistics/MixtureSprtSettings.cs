namespace Lotte.Core.Statistics;

/// <summary>
/// Settings of the mixture SPRT. <see cref="Tau2"/> is the variance τ² of the normal mixing distribution
/// N(θ₀, τ²) over the true difference θ = p_t − p_c: it should be about the square of the smallest
/// difference worth detecting. The default 1e-4 (τ = 0.01 absolute) is a +20 % lift on a 5 % baseline.
/// </summary>
public sealed record MixtureSprtSettings(
    double Tau2 = 1e-4,
    double Alpha = 0.05,
    MixtureSprtVariance Variance = MixtureSprtVariance.Pooled,
    double Theta0 = 0)
{
    public static MixtureSprtSettings Default { get; } = new();

    public bool IsValid => Tau2 > 0 && double.IsFinite(Tau2) && Alpha is > 0 and < 1 && double.IsFinite(Theta0);
}
