using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class SampleSizeCalculatorTests
{
    [Fact]
    public void Compute_FivePercentBaselineTwentyPercentLiftNineToOne_Gives4403And44030()
    {
        var plan = SampleSizeCalculator.Compute(0.05, 0.20);

        Assert.Equal((4403L, 39627L, 44030L), (plan.Treatment, plan.Control, plan.Total));
    }

    [Theory]
    [InlineData(SampleSizeMethod.PooledVariance)]
    [InlineData(SampleSizeMethod.UnpooledVariance)]
    [InlineData(SampleSizeMethod.ArcsineExact)]
    public void PowerAt_RawPlannedSize_ReturnsPlannedPower(SampleSizeMethod method)
    {
        var settings = new SampleSizeSettings(Power: 0.9, AllocationRatio: 4, Method: method);
        var plan = SampleSizeCalculator.Compute(0.1, 0.1, settings);

        // The ceiling adds at most one unit per arm, so the power reached is at least the target and barely above.
        var power = SampleSizeCalculator.PowerAt(0.1, 0.1, plan.Treatment, plan.Control, method: method);

        Assert.InRange(power, 0.9, 0.9005);
    }

    [Fact]
    public void PowerAt_HalfThePlannedSize_IsWellBelowTarget()
    {
        var plan = SampleSizeCalculator.Compute(0.05, 0.2);

        Assert.InRange(SampleSizeCalculator.PowerAt(0.05, 0.2, plan.Treatment / 2, plan.Control / 2), 0.4, 0.6);
    }

    [Fact]
    public void StillNeeded_HalfwayAtPlannedSplit_CountsTheRemainingTotal()
    {
        var plan = SampleSizeCalculator.Compute(0.05, 0.2);

        var remaining = SampleSizeCalculator.StillNeeded(plan, 2000, 18000, 0.1);

        Assert.Equal(2403, remaining.Treatment);
        Assert.Equal(21627, remaining.Control);
        Assert.Equal(24030, remaining.Total);
    }

    [Fact]
    public void StillNeeded_PlanAlreadyReached_IsZero() =>
        Assert.Equal(new UnitsStillNeeded(0, 0, 0), SampleSizeCalculator.StillNeeded(SampleSizeCalculator.Compute(0.05, 0.2), 5000, 50000, 0.1));

    [Fact]
    public void Compute_NoEffect_ReturnsInvalidSettings() =>
        Assert.Equal(StatisticsError.InvalidSettings, SampleSizeCalculator.Compute(0.05, 0).Error);

    [Fact]
    public void Compute_TreatmentRateAboveOne_ReturnsInvalidSettings() =>
        Assert.Equal(StatisticsError.InvalidSettings, SampleSizeCalculator.Compute(0.9, 0.5).Error);
}
