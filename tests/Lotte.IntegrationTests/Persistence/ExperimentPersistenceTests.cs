using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Persistence;

public class ExperimentPersistenceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveAndLoad_Experiment_RoundTripsEveryFieldIncludingPolicy()
    {
        var experiment = TestData.Experiment("round-trip");
        experiment.Description = "계약 체결율 실험";
        experiment.Policy = DecisionPolicy.Adr008AsWritten with { MaxStagingErrorRate = 0.02, Alpha = 0.01 };
        experiment.ApprovalMode = ApprovalMode.TwoLeads;
        experiment.SetStagingShare(0.05, TestData.Now);
        experiment.Start(TestData.Now.AddMinutes(5));
        await using (var db = fixture.Database.CreateContext())
        {
            db.Experiments.Add(experiment);
            await db.SaveChangesAsync(_ct);
        }

        await using var reader = fixture.Database.CreateContext();
        var loaded = await reader.Experiments.SingleAsync(e => e.Key == "round-trip", _ct);

        Assert.Equal(experiment.Id, loaded.Id);
        Assert.Equal("계약 체결율 실험", loaded.Description);
        Assert.Equal(0.05, loaded.StagingShare);
        Assert.Equal(ExperimentStatus.Running, loaded.Status);
        Assert.Equal(TestData.Now.AddMinutes(5), loaded.StartedAt);
        Assert.Equal(experiment.Policy, loaded.Policy);
        Assert.Equal(PolicyKind.Adr008AsWritten, loaded.Policy.Kind);
        Assert.Equal(ApprovalMode.TwoLeads, loaded.ApprovalMode);
        Assert.NotEqual(0u, loaded.RowVersion);
    }

    [Fact]
    public async Task SaveChanges_TwoWritersOfOneExperiment_SecondWriterGetsConcurrencyConflict()
    {
        var experiment = TestData.Experiment("race");
        experiment.Start(TestData.Now);
        await using (var db = fixture.Database.CreateContext())
        {
            db.Experiments.Add(experiment);
            await db.SaveChangesAsync(_ct);
        }

        await using var first = fixture.Database.CreateContext();
        await using var second = fixture.Database.CreateContext();
        var seenByFirst = await first.Experiments.SingleAsync(e => e.Key == "race", _ct);
        var seenBySecond = await second.Experiments.SingleAsync(e => e.Key == "race", _ct);

        seenByFirst.Pause(TestData.Now.AddHours(1));
        await first.SaveChangesAsync(_ct);
        seenBySecond.Stop(TestData.Now.AddHours(1));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(_ct));
    }

    [Fact]
    public async Task SaveAndLoad_ModelVersions_KeepStageAliasesAndOfflineMetrics()
    {
        await using (var db = fixture.Database.CreateContext())
        {
            db.RegisteredModels.Add(new RegisteredModel
            {
                Name = "auto-matching",
                CreatedAt = TestData.Now,
                Versions =
                [
                    new ModelVersion { ModelName = "auto-matching", Version = "7", Stage = ModelStage.Production, Aliases = ["champion", "previous"], Mae = 1.25, Rmse = 2.5, CreatedAt = TestData.Now },
                ],
            });
            await db.SaveChangesAsync(_ct);
        }

        await using var reader = fixture.Database.CreateContext();
        var version = await reader.ModelVersions.SingleAsync(v => v.ModelName == "auto-matching", _ct);

        Assert.Equal(ModelStage.Production, version.Stage);
        Assert.Equal(["champion", "previous"], version.Aliases);
        Assert.Equal(1.25, version.Mae);
        Assert.Equal(2.5, version.Rmse);
    }
}
