using Lotte.Core.Analysis;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Experiments;
using Lotte.Dashboard.Components.Charts;
using Lotte.Dashboard.ViewModels;

namespace Lotte.Dashboard.Tests.ViewModels;

public class ExperimentChartsBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ChartLabels Labels = new(
        "Production", "Staging", "95% interval", "Time", "Cumulative conversion rate", "Conversion rate", "p-value over time", "p-value",
        "Policy p-value", "Naive p-value", "alpha", "Error rate", "Error rate", "Error limit", "Rolled back", "Relative lift", "Lift",
        "Minimum lift", "Exposed units per arm", "Units", "Expected Staging units", "No data yet");

    [Fact]
    public void Build_ConversionChart_HasALineAndAWilsonBandPerArmWithOnePointPerSeriesPoint()
    {
        var charts = ExperimentChartsBuilder.Build(Detail(Series(48)), Labels);

        Assert.Equal(["Production 95% interval", "Staging 95% interval", "Production", "Staging"], charts.Conversion.Series.Select(s => s.Name));
        Assert.All(charts.Conversion.Series, s => Assert.Equal(48, s.Points.Count));
        var last = charts.Conversion.Series[3].Points[^1];
        var band = charts.Conversion.Series[1].Points[^1];
        Assert.Equal(0.06, last.Y!.Value, 6);
        Assert.True(band.Low < last.Y && last.Y < band.High);
    }

    [Fact]
    public void Build_PValueChart_IsLogScaleWithTheAlphaLineAndBothPValues_EndingAtTheLiveLook()
    {
        var detail = Detail(Series(10));

        var chart = ExperimentChartsBuilder.Build(detail, Labels).PValue;

        Assert.True(chart.Logarithmic);
        Assert.Equal(0.05, Assert.Single(chart.Thresholds).Value);
        Assert.Equal(2, chart.Series.Count);
        Assert.Equal(detail.LoadedAt.ToUnixTimeMilliseconds(), chart.Series[0].Points[^1].X);
        Assert.All(chart.Series.SelectMany(s => s.Points), p => Assert.InRange(p.Y!.Value, ExperimentChartsBuilder.SmallestPlottedP, 1));
    }

    [Fact]
    public void Build_ErrorChart_MarksTheRollbackAndTheLimit()
    {
        var detail = Detail(Series(5));
        detail.Experiment.RollBack(Start.AddHours(6));

        var chart = ExperimentChartsBuilder.Build(detail, Labels).ErrorRate;

        Assert.Equal(0.01, chart.Thresholds.Single().Value);
        Assert.Equal(Start.AddHours(6).ToUnixTimeMilliseconds(), Assert.Single(chart.Markers).At);
    }

    [Fact]
    public void Build_SampleRatioChart_DrawsTheExpectedSplitFromTheConfiguredShare()
    {
        var chart = ExperimentChartsBuilder.Build(Detail(Series(3)), Labels).SampleRatio;

        var expected = chart.Series[2].Points[^1].Y;
        Assert.Equal(0.1 * (chart.Series[0].Points[^1].Y + chart.Series[1].Points[^1].Y), expected);
    }

    [Fact]
    public void Build_NoDataYet_GivesEmptySeriesNotErrors()
    {
        var charts = ExperimentChartsBuilder.Build(Detail([]), Labels);

        Assert.All(new[] { charts.Conversion, charts.ErrorRate, charts.Lift, charts.SampleRatio }, c => Assert.All(c.Series, s => Assert.Empty(s.Points)));
    }

    private static List<ArmSeriesPoint> Series(int hours) => Enumerable.Range(1, hours).Select(h => new ArmSeriesPoint(
        Start.AddHours(h), new ArmSnapshot(900L * h, 45L * h, 900L * h, h, 0, 0), new ArmSnapshot(100L * h, 6L * h, 100L * h, 0, 0, 0))).ToList();

    private static ExperimentDetail Detail(IReadOnlyList<ArmSeriesPoint> series)
    {
        var experiment = new Experiment("exp", "Experiment", "undervaluation-score", "3", "4", "ml", Start);
        experiment.Start(Start);
        var totals = series.Count == 0 ? ExperimentTotals.Empty : new ExperimentTotals(series[^1].Production, series[^1].Staging, 0, 0, series[^1].At);
        var result = DecisionEngine.Evaluate(LiveDecisions.Snapshot(experiment, totals), experiment.Policy);
        var looks = series.Select(p => new DecisionLook(p.At, Decision.KeepTesting, 0.2, 0.5)).ToList();
        return new ExperimentDetail(experiment, totals, series, looks, result, null, null, [], [], Start.AddDays(1));
    }
}
