namespace Lotte.Core.Statistics.Drift;

/// <summary>
/// The limiting (Kolmogorov) distribution of √n·D: Q(λ) = P(K &gt; λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}. For small λ that
/// alternating series converges slowly, so below 1.18 the complement is taken from the equivalent theta-function form
/// P(K ≤ λ) = (√(2π)/λ) Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)}, which converges fast there.
/// </summary>
public static class KolmogorovDistribution
{
    private const double Switch = 1.18;

    /// <summary>Q(λ) = P(K &gt; λ), in [0, 1].</summary>
    public static double Survival(double lambda)
    {
        if (double.IsNaN(lambda) || lambda <= 0)
        {
            return 1;
        }

        if (lambda < Switch)
        {
            var cdf = 0.0;
            var factor = -Math.PI * Math.PI / (8 * lambda * lambda);
            for (var k = 1; k <= 20; k++)
            {
                var odd = 2 * k - 1;
                cdf += Math.Exp(odd * odd * factor);
            }

            return Math.Clamp(1 - Math.Sqrt(2 * Math.PI) / lambda * cdf, 0, 1);
        }

        var sum = 0.0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * lambda * lambda);
            sum += k % 2 == 1 ? term : -term;
            if (term < 1e-300)
            {
                break;
            }
        }

        return Math.Clamp(2 * sum, 0, 1);
    }
}
