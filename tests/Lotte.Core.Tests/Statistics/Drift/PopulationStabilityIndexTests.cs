using Lotte.Core.Statistics;
using Lotte.Core.Statistics.Drift;

namespace Lotte.Core.Tests.Statistics.Drift;

public sealed class PopulationStabilityIndexTests
{
    private static readonly ScoreBinning Four = new(4, 0, 1);

    [Fact]
    public void Compute_Counts_MatchesTheSymmetricKullbackLeiblerForm()
    {
        long[] reference = [100, 200, 300, 400], current = [150, 250, 250, 350];

        var psi = PopulationStabilityIndex.Compute(new ScoreHistogram(Four, reference), new ScoreHistogram(Four, current));

        // Independent definition: PSI = KL(current ‖ reference) + KL(reference ‖ current), over the shares.
        double Kl(long[] p, long[] q) => p.Zip(q, (a, b) => a / (double)p.Sum() * Math.Log(a / (double)p.Sum() / (b / (double)q.Sum()))).Sum();
        Assert.Equal(StatisticsError.None, psi.Error);
        Assert.Equal(Kl(current, reference) + Kl(reference, current), psi.Value, 1e-12);
        Assert.Equal(0.04722308044204256, psi.Value, 1e-12);
    }

    [Fact]
    public void Compute_EmptyReferenceBin_UsesEvidentlysEpsilonOfOneTenThousandth()
    {
        var three = new ScoreBinning(3, 0, 1);

        var psi = PopulationStabilityIndex.Compute(new ScoreHistogram(three, [0, 500, 500]), new ScoreHistogram(three, [100, 450, 450]));

        // (0.1 − 0.0001)·ln(0.1 / 0.0001) + 2·(0.45 − 0.5)·ln(0.45 / 0.5)
        var expected = (0.1 - 0.0001) * Math.Log(0.1 / 0.0001) + 2 * (0.45 - 0.5) * Math.Log(0.45 / 0.5);
        Assert.Equal(expected, psi.Value, 1e-12);
        Assert.Equal(0.7006208039360982, psi.Value, 1e-12);
    }

    [Fact]
    public void Compute_SameShares_IsZero()
    {
        var psi = PopulationStabilityIndex.Compute(new ScoreHistogram(Four, [10, 20, 30, 40]), new ScoreHistogram(Four, [100, 200, 300, 400]));

        Assert.Equal(0, psi.Value, 1e-15);
    }

    [Fact]
    public void Compute_EmptySide_ReturnsZeroWithNoData()
    {
        var psi = PopulationStabilityIndex.Compute(ScoreHistogram.Empty(Four), new ScoreHistogram(Four, [1, 2, 3, 4]));

        Assert.Equal((0.0, StatisticsError.NoData), (psi.Value, psi.Error));
    }

    [Fact]
    public void Compute_DifferentBins_ReturnsInvalidInput()
    {
        var psi = PopulationStabilityIndex.Compute(new ScoreHistogram(Four, [1, 2, 3, 4]), new ScoreHistogram(new ScoreBinning(2, 0, 1), [5, 5]));

        Assert.Equal(StatisticsError.InvalidInput, psi.Error);
    }

    [Fact]
    public void Compute_AllInOneBinOnBothSides_IsZero()
    {
        var psi = PopulationStabilityIndex.Compute(new ScoreHistogram(Four, [0, 0, 7, 0]), new ScoreHistogram(Four, [0, 0, 70, 0]));

        Assert.Equal((0.0, StatisticsError.None), (psi.Value, psi.Error));
    }
}
