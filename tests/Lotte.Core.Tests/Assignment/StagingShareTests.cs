using Lotte.Core.Assignment;

namespace Lotte.Core.Tests.Assignment;

public sealed class StagingShareTests
{
    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Constructor_OutsideUnitInterval_Throws(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StagingShare(value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.01)]
    [InlineData(1)]
    public void Constructor_InsideUnitInterval_KeepsValue(double value)
    {
        Assert.Equal(value, new StagingShare(value).Value);
    }

    [Fact]
    public void Default_IsTenPercent()
    {
        Assert.Equal(0.10, StagingShare.Default.Value);
        Assert.False(StagingShare.Default.IsRollback);
    }

    [Fact]
    public void Rollback_IsZero()
    {
        Assert.Equal(0, StagingShare.Rollback.Value);
        Assert.True(StagingShare.Rollback.IsRollback);
        Assert.True(default(StagingShare).IsRollback);
    }
}
