using Lotte.Core.Assignment;
using Lotte.Core.Experiments;

namespace Lotte.Core.Tests.Assignment;

public class StickyBandTests
{
    [Fact]
    public void ArmMayHaveChanged_NeverRamped_IsFalseForEveryUnit()
    {
        var band = new StickyBand(Config(share: 0.1, low: 0.1, high: 0.1));

        Assert.All(Enumerable.Range(0, 10_000), i => Assert.False(band.ArmMayHaveChanged(band.BucketOf($"u{i}"))));
    }

    [Fact]
    public void ArmMayHaveChanged_AfterRamp_IsTrueExactlyForUnitsWhoseArmDiffersBetweenLowestAndHighestShare()
    {
        var band = new StickyBand(Config(share: 0.1, low: 0.01, high: 0.1));
        var atOnePercent = new StickyBand(Config(share: 0.01, low: 0.01, high: 0.01));

        foreach (var unit in Enumerable.Range(0, 20_000).Select(i => $"u{i}"))
        {
            var bucket = band.BucketOf(unit);
            var differs = band.CurrentArm(bucket) != atOnePercent.CurrentArm(bucket);
            Assert.Equal(differs, band.ArmMayHaveChanged(bucket));
        }
    }

    private static AssignmentConfig Config(double share, double low, double high) =>
        new(Guid.NewGuid(), "exp", "exp-seed", ExperimentStatus.Running, ExperimentMode.AbTest, share, low, high, null, "m", "1", "2", 1);
}
