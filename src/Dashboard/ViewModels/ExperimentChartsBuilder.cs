using Lotte.Core.Analysis;
using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
using Lotte.Core.Statistics;
using Lotte.Dashboard.Components.Charts;

namespace Lotte.Dashboard.ViewModels;

/// <summary>
/// Shapes an experiment's history into the five charts. Pure: the same detail gives the same charts,
/// tested without rendering. Each series has at most as many points as the downsampled history.
/// </summary>
public static class ExperimentChartsBuilder
{
    public const string ProductionColor = "#546e7a";
    public const string StagingColor = "#c8102e";
    private const string ThresholdColor = "#ef6c00";

    /// <summary>p-values are drawn on a log axis, which cannot show 0: they are floored here.</summary>
    public const double SmallestPlottedP = 1e-12;

    public static ExperimentCharts Build(ExperimentDetail detail, ChartLabels labels)
    {
        var points = detail.Series;
        var policy = detail.Experiment.Policy;
        return new ExperimentCharts(
            Conversion(points, policy, labels),
            PValue(detail, labels),
            ErrorRate(detail, labels),
            Lift(points, policy, labels),
            SampleRatio(detail, labels));
    }

    private static ChartSpec Conversion(IReadOnlyList<ArmSeriesPoint> points, DecisionPolicy policy, ChartLabels labels)
    {
        ChartSeries Band(string name, Func<ArmSeriesPoint, ArmSnapshot> arm, string color) => new(
            $"{name} {labels.Interval}",
            points.Select(p => WilsonInterval.Compute(arm(p).Conversion, policy.Alpha)).Zip(points, (ci, p) =>
                ci.Error == StatisticsError.None ? new ChartPoint(X(p), null, ci.Lower, ci.Upper) : new ChartPoint(X(p), null)).ToList(),
            Band: true, Color: color);

        return new ChartSpec(labels.ConversionTitle, labels.Time, labels.ConversionRate, ChartUnit.Percent,
        [
            Band(labels.Production, p => p.Production, ProductionColor),
            Band(labels.Staging, p => p.Staging, StagingColor),
            Line(labels.Production, points, p => Rate(p.Production.Conversion), ProductionColor),
            Line(labels.Staging, points, p => Rate(p.Staging.Conversion), StagingColor),
        ]) { NoData = labels.NoData, YMin = 0 };
    }

    private static ChartSpec PValue(ExperimentDetail detail, ChartLabels labels)
    {
        var policy = detail.Experiment.Policy;
        var live = new ChartPoint(detail.LoadedAt.ToUnixTimeMilliseconds(), Floor(detail.Decision.PolicyPValue));
        var policyP = detail.Looks.Select(l => new ChartPoint(l.At.ToUnixTimeMilliseconds(), Floor(l.PolicyPValue))).Append(live).ToList();
        var naive = detail.Series.Select(p => new ChartPoint(X(p), Floor(NaiveP(p)))).ToList();
        return new ChartSpec(labels.PValueTitle, labels.Time, labels.PValue, ChartUnit.PValue,
        [
            new ChartSeries($"{labels.PolicyP} ({policy.Kind})", policyP, Color: StagingColor),
            new ChartSeries(labels.NaiveP, naive, Color: ProductionColor),
        ])
        {
            Logarithmic = true,
            YMax = 1,
            YMin = LogFloor(policyP.Concat(naive).Select(p => p.Y ?? 1).Append(policy.Alpha / 10).Min()),
            Thresholds = [new ChartThreshold(policy.Alpha, $"{labels.Alpha} {policy.Alpha:0.###}", ThresholdColor)],
            NoData = labels.NoData,
        };
    }

    private static ChartSpec ErrorRate(ExperimentDetail detail, ChartLabels labels)
    {
        var points = detail.Series;
        var policy = detail.Experiment.Policy;
        var rollback = detail.Experiment.Status == ExperimentStatus.RolledBack && detail.Experiment.EndedAt is { } at
            ? [new ChartMarker(at.ToUnixTimeMilliseconds(), labels.RolledBack, StagingColor)]
            : Array.Empty<ChartMarker>();
        return new ChartSpec(labels.ErrorTitle, labels.Time, labels.ErrorRate, ChartUnit.Percent,
        [
            Line(labels.Production, points, p => Rate(p.Production.ErrorRate), ProductionColor),
            Line(labels.Staging, points, p => Rate(p.Staging.ErrorRate), StagingColor),
        ])
        {
            YMin = 0,
            Thresholds = [new ChartThreshold(policy.MaxStagingErrorRate, $"{labels.ErrorLimit} {policy.MaxStagingErrorRate:P1}", ThresholdColor)],
            Markers = rollback,
            NoData = labels.NoData,
        };
    }

    private static ChartSpec Lift(IReadOnlyList<ArmSeriesPoint> points, DecisionPolicy policy, ChartLabels labels)
    {
        var intervals = points.Select(p => (Point: p, Lift: RelativeLiftInterval.Compute(p.Staging.Conversion, p.Production.Conversion, policy.Alpha))).ToList();
        var valid = intervals.Where(i => i.Lift.Error == StatisticsError.None && double.IsFinite(i.Lift.LiftLower) && double.IsFinite(i.Lift.LiftUpper)).ToList();
        return new ChartSpec(labels.LiftTitle, labels.Time, labels.Lift, ChartUnit.Ratio,
        [
            new ChartSeries($"{labels.Lift} {labels.Interval}", valid.Select(i => new ChartPoint(X(i.Point), null, i.Lift.LiftLower, i.Lift.LiftUpper)).ToList(),
                Band: true, Color: StagingColor),
            new ChartSeries(labels.Lift, valid.Select(i => new ChartPoint(X(i.Point), i.Lift.Lift)).ToList(), Color: StagingColor),
        ])
        {
            Thresholds = [new ChartThreshold(policy.MinRelativeLift, $"{labels.MinimumLift} +{policy.MinRelativeLift:P0}", ThresholdColor), new ChartThreshold(0, "0", ProductionColor)],
            NoData = labels.NoData,
        };
    }

    private static ChartSpec SampleRatio(ExperimentDetail detail, ChartLabels labels)
    {
        var points = detail.Series;
        var share = Lotte.Core.Decisions.Evaluation.LiveDecisions.AnalysisShare(detail.Experiment);
        return new ChartSpec(labels.SampleTitle, labels.Time, labels.Units, ChartUnit.Count,
        [
            Line(labels.Production, points, p => p.Production.ExposedUnits, ProductionColor),
            Line(labels.Staging, points, p => p.Staging.ExposedUnits, StagingColor),
            Line($"{labels.Expected} ({share:P0})", points, p => share * (p.Production.ExposedUnits + p.Staging.ExposedUnits), ThresholdColor),
        ]) { YMin = 0, NoData = labels.NoData };
    }

    private static ChartSeries Line(string name, IReadOnlyList<ArmSeriesPoint> points, Func<ArmSeriesPoint, double?> value, string color) =>
        new(name, points.Select(p => new ChartPoint(X(p), value(p))).ToList(), Color: color);

    private static double? Rate(ProportionStatistic statistic) => statistic.Units > 0 ? statistic.Rate : null;

    private static double NaiveP(ArmSeriesPoint point) => TwoProportionZTest.Compute(point.Staging.Conversion, point.Production.Conversion).PTwoSided;

    /// <summary>The decade at or below the smallest p-value, so the log axis always shows it and the α line.</summary>
    private static double LogFloor(double smallest) => Math.Pow(10, Math.Floor(Math.Log10(Math.Max(smallest, SmallestPlottedP))));

    private static double Floor(double p) => double.IsFinite(p) ? Math.Max(p, SmallestPlottedP) : 1;

    private static long X(ArmSeriesPoint point) => point.At.ToUnixTimeMilliseconds();
}
