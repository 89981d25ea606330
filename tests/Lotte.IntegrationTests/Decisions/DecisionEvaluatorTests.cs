using Lotte.Core.Analysis;
using Lotte.Core.Assignment;
using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lotte.IntegrationTests.Decisions;

/// <summary>The evaluator's looks on the real database: persisted, applied, audited.</summary>
public class DecisionEvaluatorTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Look_StagingFailing_RollsBackAtOnceWithShareZeroAndAudits()
    {
        var experiment = await AddAsync("eval-rollback",
            production: new ArmStatisticsBucket { ExposedUnits = 9_000, ConvertedUnits = 450, Requests = 9_000, Errors = 18 },
            staging: new ArmStatisticsBucket { ExposedUnits = 1_000, ConvertedUnits = 50, Requests = 1_000, Errors = 40 });

        await Evaluator().LookOnceAsync(_ct);

        await using var db = fixture.Database.CreateContext();
        var after = await db.Experiments.SingleAsync(e => e.Id == experiment.Id, _ct);
        Assert.Equal(ExperimentStatus.RolledBack, after.Status);
        Assert.Equal(0, after.StagingShare);
        var look = await db.DecisionEvaluations.SingleAsync(e => e.ExperimentId == experiment.Id, _ct);
        Assert.Equal(nameof(Decision.Rollback), look.Decision);
        var audit = await db.AuditLog.SingleAsync(a => a.ExperimentId == experiment.Id, _ct);
        Assert.Equal("decision.rollback.applied", audit.Action);
        Assert.Equal(DecisionApplier.EngineActor, audit.ActorName);
        Assert.Contains("error rate", audit.Justification, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Look_StagingClearlyBetter_AwaitsApprovalAndKeepsTraffic()
    {
        var experiment = await AddAsync("eval-promote",
            production: new ArmStatisticsBucket { ExposedUnits = 90_000, ConvertedUnits = 4_500, Requests = 90_000, Errors = 90 },
            staging: new ArmStatisticsBucket { ExposedUnits = 10_000, ConvertedUnits = 650, Requests = 10_000, Errors = 10 });

        await Evaluator().LookOnceAsync(_ct);

        await using var db = fixture.Database.CreateContext();
        var after = await db.Experiments.SingleAsync(e => e.Id == experiment.Id, _ct);
        Assert.Equal(ExperimentStatus.AwaitingApproval, after.Status);
        Assert.Equal(0.10, after.StagingShare);
        Assert.Equal("decision.promote.awaiting_approval", (await db.AuditLog.SingleAsync(a => a.ExperimentId == experiment.Id, _ct)).Action);
    }

    [Fact]
    public async Task Look_NoNewDataSinceLastLook_IsSkipped_AndStateCarriesTheRunningMinimum()
    {
        var experiment = await AddAsync("eval-skip",
            production: new ArmStatisticsBucket { ExposedUnits = 9_000, ConvertedUnits = 450, Requests = 9_000 },
            staging: new ArmStatisticsBucket { ExposedUnits = 1_000, ConvertedUnits = 52, Requests = 1_000 });
        var evaluator = Evaluator();

        await evaluator.LookOnceAsync(_ct);
        await evaluator.LookOnceAsync(_ct);

        await using var db = fixture.Database.CreateContext();
        Assert.Equal(1, await db.DecisionEvaluations.CountAsync(e => e.ExperimentId == experiment.Id, _ct));
        var state = await new EvaluationStore(fixture.Database.CreateContextFactory()).LatestStateAsync(experiment.Id, _ct);
        Assert.Equal(1, state.Looks);
        Assert.InRange(state.PAlwaysValid, 0, 1);
    }

    private DecisionEvaluator Evaluator()
    {
        var factory = fixture.Database.CreateContextFactory();
        var evaluations = new EvaluationStore(factory);
        return new DecisionEvaluator(factory, new LiveDecisions(new ExperimentStatisticsReader(factory), evaluations),
            Options.Create(new DatabaseOptions { ConnectionString = fixture.Database.ConnectionString }),
            Options.Create(new DecisionEvaluatorOptions()), TimeProvider.System, NullLogger<DecisionEvaluator>.Instance);
    }

    private async Task<Experiment> AddAsync(string key, ArmStatisticsBucket production, ArmStatisticsBucket staging)
    {
        var experiment = new Experiment(key, key, "undervaluation-score", "3", "4", "tests", Now.AddDays(-1));
        experiment.Start(Now.AddDays(-1));
        await using var db = fixture.Database.CreateContext();
        db.Experiments.Add(experiment);
        foreach (var (bucket, arm) in new[] { (production, Arm.Production), (staging, Arm.Staging) })
        {
            bucket.ExperimentId = experiment.Id;
            bucket.Arm = arm;
            bucket.BucketStart = StatisticsBucket.Of(Now.AddHours(-1));
            db.ArmStatistics.Add(bucket);
        }

        db.IngestionTotals.Add(new IngestionTotals { ExperimentId = experiment.Id, LastEventAt = Now.AddMinutes(-1) });
        await db.SaveChangesAsync(_ct);
        return experiment;
    }
}
