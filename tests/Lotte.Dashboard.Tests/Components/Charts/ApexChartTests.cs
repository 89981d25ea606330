using System.Text.Json;
using Bunit;
using Lotte.Dashboard.Components.Charts;

namespace Lotte.Dashboard.Tests.Components.Charts;

public class ApexChartTests : DashboardTestContext
{
    [Fact]
    public void Render_ThenNewSpec_CreatesTheChartOnceAndThenUpdatesItsSeriesInPlace()
    {
        var module = JSInterop.SetupModule("./js/charts.js");
        module.SetupVoid("render", _ => true);
        module.SetupVoid("update", _ => true);
        var chart = Render<ApexChart>(p => p.Add(c => c.Spec, Spec(1)).Add(c => c.TestId, "chart"));

        chart.Render(p => p.Add(c => c.Spec, Spec(2)));

        var render = Assert.Single(module.Invocations["render"]);
        var update = Assert.Single(module.Invocations["update"]);
        Assert.Equal(["Production", "Staging"], SeriesNames(render));
        Assert.Equal(2, PointCount(update));
        Assert.Equal("percent", Payload(update).GetProperty("unit").GetString());
    }

    [Fact]
    public void Render_AlwaysOffersTheDataAsATable()
    {
        JSInterop.SetupModule("./js/charts.js").SetupVoid("render", _ => true);

        var chart = Render<ApexChart>(p => p.Add(c => c.Spec, Spec(3)));

        var rows = chart.FindAll("table.lotte-chart__data tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("5.00%", rows[0].TextContent, StringComparison.Ordinal);
    }

    private static ChartSpec Spec(int points) => new("Conversion", "Time", "Rate", ChartUnit.Percent,
    [
        new ChartSeries("Production", Enumerable.Range(0, points).Select(i => new ChartPoint(1_700_000_000_000 + (i * 60_000), 0.05)).ToList()),
        new ChartSeries("Staging", Enumerable.Range(0, points).Select(i => new ChartPoint(1_700_000_000_000 + (i * 60_000), 0.06)).ToList()),
    ]);

    private static JsonElement Payload(JSRuntimeInvocation invocation) => (JsonElement)invocation.Arguments[1]!;

    private static IEnumerable<string?> SeriesNames(JSRuntimeInvocation invocation) =>
        Payload(invocation).GetProperty("series").EnumerateArray().Select(s => s.GetProperty("name").GetString());

    private static int PointCount(JSRuntimeInvocation invocation) =>
        Payload(invocation).GetProperty("series")[0].GetProperty("points").GetArrayLength();
}
