using Lotte.Core.Analysis;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Drift;
using Lotte.Core.Experiments;
using Lotte.Core.Statistics.Drift;
using Lotte.Dashboard.Components.Charts;
using Lotte.Dashboard.ViewModels;

namespace Lotte.Dashboard.Tests.ViewModels;

public class DriftChartsBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DriftLabels Labels = new(
        "Scores", "Score", "Share", "Reference", "Production", "Staging", "PSI over time", "PSI", "Warning", "Alert",
        "KS p over time", "KS p", "alpha", "Staging vs reference", "Production vs reference", "Staging vs Production", "Time", "No data yet");

    [Fact]
    public void Build_Histograms_OverlayTheThreeSidesAsSharesPerBinWithBinLabels()
    {
        var charts = DriftChartsBuilder.Build(Detail(looks: 3), Labels);

        var chart = charts.Histograms;
        Assert.Equal(20, chart.Categories!.Count);
        Assert.Equal(["0.00–0.05", "0.05–0.10"], chart.Categories.Take(2));
        Assert.Equal("0.95–1.00", chart.Categories[^1]);
        Assert.Equal(["Reference", "Production", "Staging"], chart.Series.Select(s => s.Name));
        Assert.All(chart.Series, s => Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), s.Points.Select(p => p.X)));
        Assert.All(chart.Series, s => Assert.Equal(1, s.Points.Sum(p => p.Y!.Value), 12));
        Assert.Equal(0.1, chart.Series[0].Points[0].Y!.Value, 12); // 100 of the reference's 1,000 scores in the first bin
        Assert.Equal(0.0, chart.Series[2].Points[0].Y!.Value);
        Assert.Equal(ChartUnit.Percent, chart.Unit);
    }

    [Fact]
    public void Build_PsiChart_HasOneLinePerComparisonAgainstTheReferenceWithTheWarnAndAlertLines()
    {
        var detail = Detail(looks: 4);

        var chart = DriftChartsBuilder.Build(detail, Labels).Psi;

        Assert.Equal(["Staging vs reference", "Production vs reference"], chart.Series.Select(s => s.Name));
        Assert.All(chart.Series, s => Assert.Equal(4, s.Points.Count));
        Assert.Equal([0.1, 0.25], chart.Thresholds.Select(t => t.Value));
        var last = detail.DriftHistory[^1];
        Assert.Equal(last.At.ToUnixTimeMilliseconds(), chart.Series[0].Points[^1].X);
        Assert.Equal(last.StagingPsi, chart.Series[0].Points[^1].Y);
        Assert.True(last.StagingPsi > 0.25);
        Assert.Equal(0, chart.Series[1].Points[^1].Y!.Value, 12);
    }

    [Fact]
    public void Build_KsChart_IsLogScaleWithAlphaAndFlooredPValues()
    {
        var chart = DriftChartsBuilder.Build(Detail(looks: 2), Labels).KsPValue;

        Assert.True(chart.Logarithmic);
        Assert.Equal(0.05, Assert.Single(chart.Thresholds).Value);
        Assert.All(chart.Series.SelectMany(s => s.Points), p => Assert.InRange(p.Y!.Value, ExperimentChartsBuilder.SmallestPlottedP, 1));
        Assert.True(chart.YMin <= ExperimentChartsBuilder.SmallestPlottedP); // the Staging p underflows: the axis still shows it
    }

    [Fact]
    public void Build_NoDriftLooksYet_GivesEmptyChartsWithTheBinsStillLabelled()
    {
        var charts = DriftChartsBuilder.Build(Detail(looks: 0), Labels);

        Assert.Empty(charts.Histograms.Series);
        Assert.Equal(20, charts.Histograms.Categories!.Count);
        Assert.Empty(charts.Psi.Series);
        Assert.Empty(charts.KsPValue.Series);
    }

    [Fact]
    public void Build_StagingWithoutScores_LeavesItsHistogramOut()
    {
        var detail = Detail(looks: 1);
        detail = detail with { Drift = detail.Drift! with { Histograms = detail.Drift.Histograms with { Staging = ScoreHistogram.Empty(ScoreBinning.Default) } } };

        var chart = DriftChartsBuilder.Build(detail, Labels).Histograms;

        Assert.Equal(["Reference", "Production"], chart.Series.Select(s => s.Name));
    }

    [Fact]
    public void Build_LookWithoutStagingScores_LeavesAGapInStagingsLine()
    {
        var detail = Detail(looks: 2);
        detail = detail with { DriftHistory = [detail.DriftHistory[0] with { StagingPsi = null, StagingKsPValue = null }, detail.DriftHistory[1]] };

        var charts = DriftChartsBuilder.Build(detail, Labels);

        Assert.Null(charts.Psi.Series[0].Points[0].Y);
        Assert.Null(charts.KsPValue.Series[0].Points[0].Y);
        Assert.NotNull(charts.Psi.Series[0].Points[1].Y);
    }

    private static DriftHistoryPoint History(DriftAssessment look)
    {
        var (staging, production) = (look.Of(DriftComparisonKind.StagingVsReference)!.Numbers, look.Of(DriftComparisonKind.ProductionVsReference)!.Numbers);
        return new DriftHistoryPoint(look.At, staging.Psi, production.Psi, staging.KsPValue, production.KsPValue);
    }

    private static ScoreHistogram Histogram(int fromBin, int toBin) =>
        new(ScoreBinning.Default, Enumerable.Range(0, 20).Select(i => i >= fromBin && i < toBin ? 100L : 0).ToArray());

    private static ExperimentDetail Detail(int looks)
    {
        var experiment = new Experiment("exp", "Experiment", "undervaluation-score", "3", "4", "ml", Start);
        experiment.Start(Start);
        var result = DecisionEngine.Evaluate(LiveDecisions.Snapshot(experiment, ExperimentTotals.Empty), experiment.Policy);
        var histograms = new DriftHistograms(Histogram(0, 10), Histogram(0, 10), Histogram(10, 20), DriftReferenceKind.ExperimentStart, Start, Start.AddHours(1));
        var assessments = Enumerable.Range(1, looks).Select(i => DriftAssessment.Assess(histograms, experiment.Policy.Drift, Start.AddMinutes(i))).ToList();
        return new ExperimentDetail(experiment, ExperimentTotals.Empty, [], [], result, null, null, [], [], Start.AddDays(1))
        {
            Drift = looks == 0 ? null : new DriftLookDetail(assessments[^1], histograms),
            DriftHistory = assessments.Select(a => History(a)).ToList(),
        };
    }
}
