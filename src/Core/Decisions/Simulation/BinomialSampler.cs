using MathNet.Numerics;

namespace Lotte.Core.Decisions.Simulation;

/// <summary>
/// Exact Binomial(n, p) draws by inversion, searching outward from the mode (m, m + 1, m − 1, m + 2, …).
/// </summary>
/// <remarks>
/// Inversion works with any fixed order of the outcomes; starting at the mode makes the expected cost
/// O(√(n·p·(1 − p))) steps instead of O(n·p), so a batch of a million units costs about as much as one of a thousand.
/// (MathNet's own sampler draws one uniform per trial.) Neighbouring probabilities come from the ratio
/// P(k + 1)/P(k) = (n − k)/(k + 1) · p/(1 − p).
/// </remarks>
internal static class BinomialSampler
{
    public static long Sample(Random random, long n, double p)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        var q = 1 - p;
        var mode = Math.Min(n, (long)((n + 1) * p));
        var modeProbability = Math.Exp(
            SpecialFunctions.GammaLn(n + 1.0) - SpecialFunctions.GammaLn(mode + 1.0) - SpecialFunctions.GammaLn(n - mode + 1.0)
            + mode * Math.Log(p) + (n - mode) * Math.Log(q));

        var u = random.NextDouble() - modeProbability;
        if (u < 0)
        {
            return mode;
        }

        long up = mode, down = mode;
        double upProbability = modeProbability, downProbability = modeProbability;
        var oddsUp = p / q;
        var oddsDown = q / p;
        while ((up < n || down > 0) && (upProbability > 0 || downProbability > 0))
        {
            if (up < n)
            {
                upProbability *= (double)(n - up) / (up + 1) * oddsUp;
                up++;
                u -= upProbability;
                if (u < 0)
                {
                    return up;
                }
            }

            if (down > 0)
            {
                downProbability *= (double)down / (n - down + 1) * oddsDown;
                down--;
                u -= downProbability;
                if (u < 0)
                {
                    return down;
                }
            }
        }

        // Rounding left a sliver of probability unassigned (≈1e-15): give it to the mode.
        return mode;
    }
}
