using MathNet.Numerics;

namespace Lotte.Core.Statistics;

/// <summary>
/// Fisher's exact test for a 2×2 table, conditional on both margins.
/// </summary>
/// <remarks>
/// X = a follows the hypergeometric law with N units, n = row 1 (treatment units) draws and K = column 1
/// (all conversions) successes. The two-sided p sums P(k) over every table whose probability is at most
/// P(observed)·(1 + 1e-7), the relative tie tolerance SciPy and R use.
/// Probabilities are summed in log space: MathNet's <c>Hypergeometric.Probability</c> overflows to NaN at
/// N ≈ 5 000. The cost is linear in the support of X, so the engine only calls this for small tables
/// (see <see cref="FixedHorizonTest"/>).
/// </remarks>
public static class FisherExactTest
{
    private static readonly double LogTieTolerance = Math.Log(1 + 1e-7);

    public static FisherExactResult Compute(TwoByTwoTable table)
    {
        if (!table.IsValid)
        {
            return new FisherExactResult(1, 1, 1, null, StatisticsError.InvalidInput);
        }

        if (table.Total == 0)
        {
            return new FisherExactResult(1, 1, 1, null, StatisticsError.NoData);
        }

        long total = table.Total, draws = table.Row1, successes = table.Column1;
        var low = Math.Max(0, draws + successes - total);
        var high = Math.Min(draws, successes);
        var logNormaliser = LogChoose(total, draws);
        var logObserved = LogProbability(table.A);

        // Every term is scaled by the most likely table (the mode) so that exp() stays in range.
        var mode = Math.Clamp((long)((draws + 1.0) * (successes + 1.0) / (total + 2.0)), low, high);
        var logMode = LogProbability(mode);
        double twoSided = 0, lessOrEqual = 0, greaterOrEqual = 0;
        for (var k = low; k <= high; k++)
        {
            var logP = LogProbability(k);
            var relative = Math.Exp(logP - logMode);
            if (logP <= logObserved + LogTieTolerance)
            {
                twoSided += relative;
            }

            if (k <= table.A)
            {
                lessOrEqual += relative;
            }

            if (k >= table.A)
            {
                greaterOrEqual += relative;
            }
        }

        var scale = Math.Exp(logMode);
        return new FisherExactResult(
            Math.Min(1, twoSided * scale),
            Math.Min(1, greaterOrEqual * scale),
            Math.Min(1, lessOrEqual * scale),
            SampleOddsRatio(table),
            StatisticsError.None);

        double LogProbability(long k) =>
            LogChoose(successes, k) + LogChoose(total - successes, draws - k) - logNormaliser;
    }

    private static double? SampleOddsRatio(TwoByTwoTable table)
    {
        var denominator = (double)table.B * table.C;
        return denominator == 0 ? null : (double)table.A * table.D / denominator;
    }

    private static double LogChoose(long n, long k) =>
        SpecialFunctions.GammaLn(n + 1.0) - SpecialFunctions.GammaLn(k + 1.0) - SpecialFunctions.GammaLn(n - k + 1.0);
}
