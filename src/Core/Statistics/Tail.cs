using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Lotte.Core.Statistics;

/// <summary>
/// Tail probabilities and quantiles, always computed from the small tail.
/// <c>1 − CDF(x)</c> loses every digit once the tail is below ~1e-16, so it is never used here.
/// </summary>
internal static class Tail
{
    /// <summary>P(Z &gt; z) for a standard normal Z, accurate down to the double range.</summary>
    public static double NormalUpper(double z) => Normal.CDF(0, 1, -z);

    /// <summary>P(|Z| ≥ |z|) for a standard normal Z.</summary>
    public static double NormalTwoSided(double z) => Math.Min(1.0, 2 * Normal.CDF(0, 1, -Math.Abs(z)));

    /// <summary>z such that P(Z ≤ z) = p.</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>z such that P(Z &gt; z) = tail (e.g. 1.959964 for 0.025), computed from the small tail.</summary>
    public static double NormalUpperQuantile(double tail) => -Normal.InvCDF(0, 1, tail);

    /// <summary>P(χ²_dof &gt; x) = Q(dof/2, x/2), the regularized upper incomplete gamma function.</summary>
    public static double ChiSquareUpper(double x, int degreesOfFreedom) =>
        x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2);

    /// <summary>P(T_df &gt; t) for Student's t with a possibly non-integer df.</summary>
    public static double StudentTUpper(double t, double degreesOfFreedom) => StudentT.CDF(0, 1, degreesOfFreedom, -t);
}
