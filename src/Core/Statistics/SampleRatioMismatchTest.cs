namespace Lotte.Core.Statistics;

/// <summary>
/// Sample-ratio mismatch: Pearson's χ² goodness of fit of the observed units per arm against the configured split.
/// </summary>
/// <remarks>
/// E_i = N·w_i/Σw (weights need not sum to 1), χ² = Σ (O_i − E_i)²/E_i, dof = k − 1, p = Q((k − 1)/2, χ²/2).
/// A mismatch means the assignment or logging is broken, so no comparison between the arms can be trusted.
/// </remarks>
public static class SampleRatioMismatchTest
{
    public static SampleRatioMismatchResult Compute(
        IReadOnlyList<long> observed, IReadOnlyList<double> weights, SampleRatioMismatchSettings? settings = null)
    {
        settings ??= SampleRatioMismatchSettings.Default;
        var arms = observed.Count;
        if (arms < 2 || weights.Count != arms || observed.Any(o => o < 0) || weights.Any(w => !(w > 0) || !double.IsFinite(w)))
        {
            return Undefined(arms, StatisticsError.InvalidInput);
        }

        long total = 0;
        double weightSum = 0;
        for (var i = 0; i < arms; i++)
        {
            total += observed[i];
            weightSum += weights[i];
        }

        if (total == 0)
        {
            return Undefined(arms, StatisticsError.NoData);
        }

        var expected = new double[arms];
        double chiSquare = 0;
        for (var i = 0; i < arms; i++)
        {
            expected[i] = total * weights[i] / weightSum;
            var deviation = observed[i] - expected[i];
            chiSquare += deviation * deviation / expected[i];
        }

        var degreesOfFreedom = arms - 1;
        var p = Tail.ChiSquareUpper(chiSquare, degreesOfFreedom);
        var everyArmLargeEnough = observed.All(o => o >= settings.MinimumUnitsPerArm);
        return new SampleRatioMismatchResult(
            expected, chiSquare, degreesOfFreedom, p, everyArmLargeEnough && p < settings.Alpha, StatisticsError.None);
    }

    private static SampleRatioMismatchResult Undefined(int arms, StatisticsError error) =>
        new(new double[Math.Max(arms, 0)], 0, Math.Max(arms - 1, 0), 1, false, error);
}
