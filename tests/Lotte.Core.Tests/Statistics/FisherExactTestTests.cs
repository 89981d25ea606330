using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class FisherExactTestTests
{
    [Fact]
    public void Compute_TeaTastingTable_MatchesFisher()
    {
        // Fisher's lady tasting tea, [[3, 1], [1, 3]]: two-sided p = 34/70, greater = 17/70.
        var result = FisherExactTest.Compute(new TwoByTwoTable(3, 1, 1, 3));

        Assert.Equal(34.0 / 70, result.PTwoSided, 1e-12);
        Assert.Equal(17.0 / 70, result.PGreater, 1e-12);
        Assert.Equal(9.0, result.SampleOddsRatio!.Value, 1e-12);
    }

    [Fact]
    public void Compute_FiveThousandUnitsExactlyAsExpected_ReturnsOneNotNaN()
    {
        // MathNet's Hypergeometric.Probability overflows to NaN at this size; log-space sums do not.
        var result = FisherExactTest.Compute(new TwoByTwoTable(25, 475, 225, 4275));

        Assert.Equal(1.0, result.PTwoSided, 1e-9);
        Assert.False(double.IsNaN(result.PGreater));
    }

    [Fact]
    public void Compute_ZeroOffDiagonal_LeavesOddsRatioUndefined()
    {
        var result = FisherExactTest.Compute(new TwoByTwoTable(5, 0, 0, 5));

        Assert.Null(result.SampleOddsRatio);
        Assert.InRange(result.PTwoSided, 0, 0.01);
    }

    [Fact]
    public void Compute_NoConversionsAnywhere_ReturnsOne() =>
        Assert.Equal(1, FisherExactTest.Compute(new TwoByTwoTable(0, 10, 0, 90)).PTwoSided);

    [Fact]
    public void Compute_NegativeCell_ReturnsInvalidInput() =>
        Assert.Equal(StatisticsError.InvalidInput, FisherExactTest.Compute(new TwoByTwoTable(-1, 10, 0, 90)).Error);
}
