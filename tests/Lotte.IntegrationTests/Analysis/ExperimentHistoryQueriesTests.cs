using Lotte.Core.Analysis;
using Lotte.Core.Assignment;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;

namespace Lotte.IntegrationTests.Analysis;

/// <summary>The experiment page's history queries on the real database: the downsampled series and the thinned-out looks.</summary>
public class ExperimentHistoryQueriesTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TotalsAndSeries_NoBuckets_AreEmptyAndZero()
    {
        var experiment = await AddExperimentAsync("history-empty");

        var (totals, series) = await Reader().TotalsAndSeriesAsync(experiment.Id, maxPoints: 10, _ct);

        Assert.Empty(series);
        Assert.Equal(await Reader().TotalsAsync(experiment.Id, _ct), totals);
    }

    [Fact]
    public async Task TotalsAndSeries_SpanBothArmsFirstToLastBucket_AndTheSeriesEndsAtTheTotals()
    {
        var experiment = await AddExperimentAsync("history-series");
        await using (var db = fixture.Database.CreateContext())
        {
            // Staging starts later and Production ends later: the range is the union of both arms.
            for (var minute = 0; minute < 60; minute++)
            {
                db.ArmStatistics.Add(Bucket(experiment, Arm.Production, minute + 5, exposed: 9, converted: minute % 2));
                db.ArmStatistics.Add(Bucket(experiment, Arm.Staging, minute + 20, exposed: 1, converted: minute % 10 == 0 ? 1 : 0));
            }

            await db.SaveChangesAsync(_ct);
        }

        var (totals, series) = await Reader().TotalsAndSeriesAsync(experiment.Id, maxPoints: 10, _ct);

        // 75 minutes (5 to 79) in at most 10 bins: 8-minute bins from minute 5, each point at its bin's end.
        Assert.Equal(10, series.Count);
        Assert.Equal(Start.AddMinutes(5 + 8), series[0].At);
        Assert.Equal(Start.AddMinutes(5 + 80), series[^1].At);
        Assert.Equal(0, series[0].Staging.ExposedUnits);
        Assert.Equal(totals.Production, series[^1].Production);
        Assert.Equal(totals.Staging, series[^1].Staging);
        Assert.Equal(await Reader().TotalsAsync(experiment.Id, _ct), totals);
        Assert.Equal(540, totals.Production.ExposedUnits);
        Assert.Equal(60, totals.Staging.ExposedUnits);
    }

    [Fact]
    public async Task History_ThinsOutEvenlyFromTheLastLook_InTimeOrder()
    {
        var experiment = await AddExperimentAsync("history-looks");
        var other = await AddExperimentAsync("history-other");
        await using (var db = fixture.Database.CreateContext())
        {
            for (var look = 0; look < 10; look++)
            {
                db.DecisionEvaluations.Add(Look(experiment, look));
                db.DecisionEvaluations.Add(Look(other, look));
            }

            await db.SaveChangesAsync(_ct);
        }

        var store = new EvaluationStore(fixture.Database.CreateContextFactory());
        var looks = await store.HistoryAsync(experiment.Id, maxPoints: 3, _ct);

        // 10 looks at most 3 points: every 4th counted back from the newest (9, 5, 1), oldest first.
        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(5), Start.AddMinutes(9)], looks.Select(l => l.At));
        Assert.Equal(0.09, looks[^1].PolicyPValue, 6);
        Assert.Equal(Decision.KeepTesting, looks[^1].Decision);
        Assert.Equal(10, (await store.HistoryAsync(experiment.Id, maxPoints: 300, _ct)).Count);
    }

    private ExperimentStatisticsReader Reader() => new(fixture.Database.CreateContextFactory());

    private async Task<Experiment> AddExperimentAsync(string key)
    {
        var experiment = new Experiment(key, key, "undervaluation-score", "3", "4", "tests", Start);
        experiment.Start(Start);
        await using var db = fixture.Database.CreateContext();
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(_ct);
        return experiment;
    }

    private static ArmStatisticsBucket Bucket(Experiment experiment, Arm arm, int minute, long exposed, long converted) => new()
    {
        ExperimentId = experiment.Id,
        Arm = arm,
        BucketStart = Start.AddMinutes(minute),
        ExposedUnits = exposed,
        ConvertedUnits = converted,
        Requests = exposed,
    };

    private static DecisionEvaluation Look(Experiment experiment, int minute) => new()
    {
        ExperimentId = experiment.Id,
        EvaluatedAt = Start.AddMinutes(minute),
        PolicyKind = nameof(PolicyKind.Sequential),
        Decision = nameof(Decision.KeepTesting),
        PolicyPValue = minute / 100.0,
        NaivePValue = minute / 200.0,
        InputsJson = "{}",
        ResultJson = "{}",
    };
}
