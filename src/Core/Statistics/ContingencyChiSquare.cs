namespace Lotte.Core.Statistics;

/// <summary>
/// Pearson's chi-square test of independence for a 2×2 table, with and without Yates' correction.
/// </summary>
/// <remarks>
/// χ² = Σ (O − E)²/E over the four cells, E = row × column / N, p = Q(1/2, χ²/2).
/// Yates moves every O toward E by min(0.5, |O − E|), as SciPy ≥ 1.7 and R do: when |O − E| ≤ 0.5 the corrected
/// statistic is 0 and p = 1 (a naive (|O − E| − 0.5)² would overshoot).
/// With a zero row or column the statistic is undefined: the result is χ² = 0, p = 1 with
/// <see cref="StatisticsError.ZeroMargin"/> (Fisher's exact test stays defined there).
/// </remarks>
public static class ContingencyChiSquare
{
    private const int DegreesOfFreedom = 1;

    public static ContingencyChiSquareResult Compute(TwoByTwoTable table)
    {
        if (!table.IsValid)
        {
            return Undefined(table, StatisticsError.InvalidInput);
        }

        if (table.Total == 0)
        {
            return Undefined(table, StatisticsError.NoData);
        }

        if (table.HasZeroMargin)
        {
            return Undefined(table, StatisticsError.ZeroMargin);
        }

        double pearson = 0, yates = 0;
        for (var row = 0; row < 2; row++)
        {
            for (var column = 0; column < 2; column++)
            {
                var expected = table.Expected(row, column);
                var deviation = table.Observed(row, column) - expected;
                pearson += deviation * deviation / expected;

                var corrected = Math.Abs(deviation) - Math.Min(0.5, Math.Abs(deviation));
                yates += corrected * corrected / expected;
            }
        }

        return new ContingencyChiSquareResult(
            pearson, Tail.ChiSquareUpper(pearson, DegreesOfFreedom),
            yates, Tail.ChiSquareUpper(yates, DegreesOfFreedom),
            DegreesOfFreedom, ExpectedFrequencies(table), StatisticsError.None);
    }

    private static double[][] ExpectedFrequencies(TwoByTwoTable table) =>
        table.Total == 0
            ? [[0, 0], [0, 0]]
            : [[table.Expected(0, 0), table.Expected(0, 1)], [table.Expected(1, 0), table.Expected(1, 1)]];

    private static ContingencyChiSquareResult Undefined(TwoByTwoTable table, StatisticsError error) =>
        new(0, 1, 0, 1, DegreesOfFreedom, table.IsValid ? ExpectedFrequencies(table) : [[0, 0], [0, 0]], error);
}
