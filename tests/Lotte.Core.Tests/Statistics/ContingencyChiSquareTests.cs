using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class ContingencyChiSquareTests
{
    [Fact]
    public void Compute_PearsonStatistic_EqualsSquaredPooledZ()
    {
        var staging = new ProportionStatistic(1000, 60);
        var production = new ProportionStatistic(9000, 450);

        var chi = ContingencyChiSquare.Compute(TwoByTwoTable.From(staging, production));
        var z = TwoProportionZTest.Compute(staging, production);

        Assert.Equal(z.Z * z.Z, chi.PearsonChiSquare, 1e-9);
        Assert.Equal(z.PTwoSided, chi.PearsonP, 1e-12);
    }

    [Fact]
    public void Compute_DeviationBelowHalf_ClampsYatesToZero()
    {
        // |O − E| = 0.1 in every cell: the correction may not overshoot past E.
        var chi = ContingencyChiSquare.Compute(new TwoByTwoTable(1, 9, 10, 80));

        Assert.Equal(0, chi.YatesChiSquare);
        Assert.Equal(1, chi.YatesP);
        Assert.True(chi.PearsonChiSquare > 0);
    }

    [Fact]
    public void Compute_NoConversionsAnywhere_ReturnsZeroMarginWithPOne()
    {
        var chi = ContingencyChiSquare.Compute(new TwoByTwoTable(0, 100, 0, 900));

        Assert.Equal(StatisticsError.ZeroMargin, chi.Error);
        Assert.Equal(1, chi.PearsonP);
        Assert.Equal(1, chi.YatesP);
    }

    [Fact]
    public void Compute_EmptyTable_ReturnsNoData() =>
        Assert.Equal(StatisticsError.NoData, ContingencyChiSquare.Compute(new TwoByTwoTable(0, 0, 0, 0)).Error);
}
