using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class SampleRatioMismatchTestTests
{
    [Fact]
    public void Compute_ExactSplit_ReturnsPOneAndNoMismatch()
    {
        var result = SampleRatioMismatchTest.Compute([9000, 1000], [0.9, 0.1]);

        Assert.Equal(1, result.PValue);
        Assert.False(result.IsMismatch);
    }

    [Fact]
    public void Compute_StagingShortOfTraffic_FlagsMismatch()
    {
        var result = SampleRatioMismatchTest.Compute([91_500, 8_500], [0.9, 0.1]);

        Assert.True(result.PValue < 1e-20);
        Assert.True(result.IsMismatch);
    }

    [Fact]
    public void Compute_ArmBelowEightUnits_DoesNotFlagEvenAtTinyP()
    {
        var result = SampleRatioMismatchTest.Compute([1000, 7], [0.9, 0.1]);

        Assert.True(result.PValue < 0.001);
        Assert.False(result.IsMismatch);
    }

    [Fact]
    public void Compute_UnnormalisedWeightsAndThreeArms_UseWeightShares()
    {
        var result = SampleRatioMismatchTest.Compute([500, 250, 250], [2, 1, 1]);

        Assert.Equal([500.0, 250.0, 250.0], result.ExpectedCounts);
        Assert.Equal(2, result.DegreesOfFreedom);
    }

    [Fact]
    public void Compute_ZeroWeight_ReturnsInvalidInput() =>
        Assert.Equal(StatisticsError.InvalidInput, SampleRatioMismatchTest.Compute([10, 10], [1, 0]).Error);

    [Fact]
    public void Compute_NoUnits_ReturnsNoData() =>
        Assert.Equal(StatisticsError.NoData, SampleRatioMismatchTest.Compute([0, 0], [0.9, 0.1]).Error);
}
