using System.Globalization;
using System.Text.Json;
using Lotte.Core.Assignment;

namespace Lotte.Core.Tests.Assignment;

/// <summary>
/// The same unit, seed and share through the GrowthBook JavaScript SDK's own experiment evaluation,
/// given the layout <see cref="GrowthBookBucketing"/> publishes: the arms must be identical.
/// </summary>
public sealed class ArmAssignerSdkRunTests
{
    public static IEnumerable<TheoryDataRow<string, string, double, int>> SdkRuns()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Reference", "assignment", "sdk-runs", "growthbook-sdk-runs.json");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            var (seed, unit, share, variation) =
                (run[0].GetString()!, run[1].GetString()!, run[2].GetDouble(), run[3].GetInt32());
            yield return new TheoryDataRow<string, string, double, int>(seed, unit, share, variation)
                .WithTestDisplayName(string.Create(CultureInfo.InvariantCulture, $"{seed} / {unit} at {share:P0} -> variation {variation}"));
        }
    }

    [Theory]
    [MemberData(nameof(SdkRuns))]
    public void Assign_SdkRun_SameArmAsSdk(string seed, string unitId, double share, int sdkVariation)
    {
        var arm = new ArmAssigner().Assign(seed, unitId, new StagingShare(share));

        Assert.Equal((Arm)sdkVariation, arm);
    }
}
