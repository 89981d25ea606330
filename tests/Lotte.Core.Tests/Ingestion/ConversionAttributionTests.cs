using Lotte.Core.Assignment;
using Lotte.Core.Ingestion;

namespace Lotte.Core.Tests.Ingestion;

public class ConversionAttributionTests
{
    private static readonly DateTimeOffset Exposed = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_TwoContractsOfOneUnit_ConvertsOnceAndAddsBothValues()
    {
        var units = Units(("u1", new UnitState(Arm.Staging, Exposed, null, 0)));
        var deltas = new ArmStatisticsDelta.Table();

        var (updated, unattributed) = ConversionAttribution.Apply(units,
            [new("u1", Exposed.AddHours(1), 100, false), new("u1", Exposed.AddHours(2), 50, false)], deltas);

        Assert.Equal(0, unattributed);
        Assert.Equal(150m, updated["u1"].ConversionValue);
        Assert.Equal(Exposed.AddHours(1), updated["u1"].FirstConversionAt);
        Assert.Equal(1, deltas.Rows.Sum(r => r.Value.ConvertedUnits));
        Assert.Equal(150m, deltas.Rows.Sum(r => r.Value.ValueSum));
        Assert.Equal(150d * 150d, deltas.Rows.Sum(r => r.Value.ValueSumOfSquares), 6);
    }

    [Fact]
    public void Apply_ConversionBeforeExposureOrOfUnknownUnit_IsUnattributed()
    {
        var units = Units(("u1", new UnitState(Arm.Production, Exposed, null, 0)));
        var deltas = new ArmStatisticsDelta.Table();

        var (updated, unattributed) = ConversionAttribution.Apply(units,
            [new("u1", Exposed.AddMinutes(-1), 100, false), new("ghost", Exposed, 10, false)], deltas);

        Assert.Equal(2, unattributed);
        Assert.Empty(updated);
        Assert.Empty(deltas.Rows);
    }

    [Fact]
    public void Apply_EarlierUnattributedConversionNowAfterFirstExposure_MovesOutOfUnattributed()
    {
        var units = Units(("u1", new UnitState(Arm.Production, Exposed, null, 0)));
        var deltas = new ArmStatisticsDelta.Table();

        var (_, unattributed) = ConversionAttribution.Apply(units,
            [new("u1", Exposed.AddHours(1), 100, CountedAsUnattributed: true), new("u1", Exposed.AddHours(-1), 5, CountedAsUnattributed: true)], deltas);

        Assert.Equal(-1, unattributed);
        Assert.Equal(1, deltas.Rows.Single().Value.ConvertedUnits);
    }

    private static Dictionary<string, UnitState> Units(params (string Key, UnitState State)[] units) =>
        units.ToDictionary(u => u.Key, u => u.State, StringComparer.Ordinal);
}
