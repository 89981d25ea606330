using Lotte.Core.Assignment;

namespace Lotte.Core.Tests.Assignment;

/// <summary>Properties of the ramp over many generated unit ids.</summary>
public sealed class ArmAssignerRampTests
{
    private const string Seed = "listing-ranker-2025-q3";
    private static readonly IReadOnlyList<string> Units = SampleUnitIds.Generate(100_000);
    private readonly ArmAssigner _assigner = new();

    [Theory]
    [InlineData(0.01, 0.05)]
    [InlineData(0.05, 0.10)]
    [InlineData(0.01, 0.10)]
    [InlineData(0.10, 0.50)]
    [InlineData(0.50, 1.00)]
    public void Assign_RampToLargerShare_KeepsEveryStagingUnitInStaging(double smaller, double larger)
    {
        var before = StagingUnits(new StagingShare(smaller));
        var after = StagingUnits(new StagingShare(larger));

        Assert.Empty(before.Except(after));
        Assert.True(after.Count > before.Count, "the larger share must add units");
    }

    [Fact]
    public void Assign_RandomSharePairs_NeverMoveAUnitOutOfStaging()
    {
        var random = new Random(20250101);
        var units = Units.Take(5_000).ToArray();
        for (var pair = 0; pair < 200; pair++)
        {
            var a = random.NextDouble();
            var b = random.NextDouble();
            var (smaller, larger) = (new StagingShare(Math.Min(a, b)), new StagingShare(Math.Max(a, b)));

            foreach (var unit in units.Where(unit => _assigner.Assign(Seed, unit, smaller) == Arm.Staging))
            {
                Assert.Equal(Arm.Staging, _assigner.Assign(Seed, unit, larger));
            }
        }
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    [InlineData(0.10)]
    [InlineData(0.50)]
    public void Assign_ConfiguredShare_RealisedWithinFourStandardErrors(double share)
    {
        var realised = StagingUnits(new StagingShare(share)).Count / (double)Units.Count;
        var standardError = Math.Sqrt(share * (1 - share) / Units.Count);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"share {share:P0}: realised {realised:P3}, {(realised - share) / standardError:F2} standard errors");
        Assert.InRange(realised, share - (4 * standardError), share + (4 * standardError));
    }

    private HashSet<string> StagingUnits(StagingShare share) =>
        Units.Where(unit => _assigner.Assign(Seed, unit, share) == Arm.Staging).ToHashSet(StringComparer.Ordinal);
}
