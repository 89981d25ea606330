using Lotte.Core.Statistics;

namespace Lotte.Core.Tests.Statistics;

public sealed class MixtureSprtTests
{
    [Fact]
    public void Evaluate_ManyLooks_PValueNeverIncreasesAndIntervalsNest()
    {
        var random = new Random(7);
        var state = SequentialState.Initial;
        long nt = 0, xt = 0, nc = 0, xc = 0;
        for (var look = 0; look < 100; look++)
        {
            nt += 100;
            nc += 900;
            xt += Enumerable.Range(0, 100).Count(_ => random.NextDouble() < 0.055);
            xc += Enumerable.Range(0, 900).Count(_ => random.NextDouble() < 0.05);
            var result = MixtureSprt.Evaluate(new ProportionStatistic(nt, xt), new ProportionStatistic(nc, xc), previous: state);

            Assert.True(result.PAlwaysValid <= state.PAlwaysValid);
            Assert.True(result.CsLower >= (state.CsLower ?? double.NegativeInfinity));
            Assert.True(result.CsUpper <= (state.CsUpper ?? double.PositiveInfinity));
            state = result.State;
        }

        Assert.Equal(100, state.Looks);
    }

    [Fact]
    public void Evaluate_NoConversionsYet_IsDegenerateAndKeepsState()
    {
        var previous = new SequentialState(3, 0.4, -0.1, 0.2);

        var result = MixtureSprt.Evaluate(new ProportionStatistic(10, 0), new ProportionStatistic(90, 0), previous: previous);

        Assert.True(result.IsDegenerate);
        Assert.Equal(StatisticsError.ZeroVariance, result.Error);
        Assert.Equal((0.4, -0.1, 0.2), (result.PAlwaysValid, result.CsLower!.Value, result.CsUpper!.Value));
    }

    [Fact]
    public void Evaluate_StagingWithoutConversions_PooledVarianceIsNotTheProductionTermAlone()
    {
        // The unpooled V collapses to Production's term when Staging has 0 conversions, inflating the evidence.
        var staging = new ProportionStatistic(200, 0);
        var production = new ProportionStatistic(1800, 100);

        var pooled = MixtureSprt.Evaluate(staging, production, new MixtureSprtSettings(Variance: MixtureSprtVariance.Pooled));
        var unpooled = MixtureSprt.Evaluate(staging, production, new MixtureSprtSettings(Variance: MixtureSprtVariance.Unpooled));

        Assert.True(pooled.Variance > unpooled.Variance);
        Assert.True(pooled.PAlwaysValid > unpooled.PAlwaysValid);
    }

    [Fact]
    public void Evaluate_InvalidTau_ReturnsInvalidSettings() =>
        Assert.Equal(StatisticsError.InvalidSettings,
            MixtureSprt.Evaluate(new ProportionStatistic(100, 5), new ProportionStatistic(900, 45), new MixtureSprtSettings(Tau2: 0)).Error);
}
