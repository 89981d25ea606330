using Lotte.Core.Assignment;

namespace Lotte.Core.Tests.Assignment;

public sealed class GrowthBookBucketingTests
{
    [Fact]
    public void ForStagingShare_TenPercent_PutsStagingAtTheEnd()
    {
        var bucketing = GrowthBookBucketing.ForStagingShare("listing-ranker", new StagingShare(0.10));

        Assert.Equal("listing-ranker", bucketing.Seed);
        Assert.Equal(2, bucketing.HashVersion);
        Assert.Equal(1, bucketing.Coverage);
        Assert.Equal([0.9, 0.1], bucketing.Weights);
        Assert.Equal([new BucketRange(0, 0.9), new BucketRange(0.9, 1)], bucketing.Ranges);
        Assert.Equal([Arm.Production, Arm.Staging], GrowthBookBucketing.Variations);
    }

    [Fact]
    public void ForStagingShare_Rollback_LeavesStagingEmpty()
    {
        var bucketing = GrowthBookBucketing.ForStagingShare("seed", StagingShare.Rollback);

        Assert.Equal(new BucketRange(0, 1), bucketing.Ranges[0]);
        Assert.Equal(bucketing.Ranges[1].Start, bucketing.Ranges[1].End);
    }

    [Fact]
    public void ForStagingShare_LargerShare_StagingRangeContainsSmallerOne()
    {
        var shares = new[] { 0.01, 0.05, 0.10, 0.25, 0.5, 1 };
        for (var i = 1; i < shares.Length; i++)
        {
            var smaller = GrowthBookBucketing.ForStagingShare("seed", new StagingShare(shares[i - 1])).Ranges[1];
            var larger = GrowthBookBucketing.ForStagingShare("seed", new StagingShare(shares[i])).Ranges[1];

            Assert.True(larger.Start <= smaller.Start, $"{shares[i]} starts after {shares[i - 1]}");
            Assert.True(larger.End >= smaller.End, $"{shares[i]} ends before {shares[i - 1]}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void ForStagingShare_MissingSeed_Throws(string? seed)
    {
        Assert.ThrowsAny<ArgumentException>(() => GrowthBookBucketing.ForStagingShare(seed!, StagingShare.Default));
    }
}
