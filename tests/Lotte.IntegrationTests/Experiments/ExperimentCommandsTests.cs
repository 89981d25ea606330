using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry;
using Lotte.Core.ModelRegistry.BuiltIn;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Experiments;

public class ExperimentCommandsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ValidRequest_StoresARunningExperimentWithItsPolicyAndAudits()
    {
        await EnsureModelAsync();
        var request = Request("matching-v8") with { Policy = DecisionPolicy.Adr008AsWritten, ApprovalMode = ApprovalMode.TwoLeads };

        var (created, problems) = await Commands().CreateAsync(request, "ml@lotte.test", "MlEngineer", _ct);

        Assert.Empty(problems);
        await using var db = fixture.Database.CreateContext();
        var stored = await db.Experiments.SingleAsync(e => e.Key == "matching-v8", _ct);
        Assert.Equal(created!.Id, stored.Id);
        Assert.Equal(ExperimentStatus.Running, stored.Status);
        Assert.Equal(PolicyKind.Adr008AsWritten, stored.Policy.Kind);
        Assert.Equal(ApprovalMode.TwoLeads, stored.ApprovalMode);
        var audit = await db.AuditLog.SingleAsync(a => a.ExperimentId == stored.Id, _ct);
        Assert.Equal(("experiment.created", "ml@lotte.test", "MlEngineer"), (audit.Action, audit.ActorName, audit.ActorRole));
    }

    [Fact]
    public async Task Create_InvalidRequest_NamesEveryProblemAndStoresNothing()
    {
        await EnsureModelAsync();
        var request = Request("Bad Key!") with
        {
            Name = " ",
            StagingVersion = "7",
            StagingShare = 0.9,
            Policy = DecisionPolicy.Default with { Alpha = 2 },
        };

        var (created, problems) = await Commands().CreateAsync(request, "ml", null, _ct);

        Assert.Null(created);
        Assert.Equal(["Key", "Name", "Policy", "StagingShare", "StagingVersion"], problems.Keys.Order());
        await using var db = fixture.Database.CreateContext();
        Assert.False(await db.Experiments.AnyAsync(e => e.Key == "Bad Key!", _ct));
    }

    [Theory]
    [InlineData("9", "Choose a registered version.")]
    [InlineData("7", "Staging must be another version than Production.")]
    public async Task Create_StagingVersion_MustBeRegisteredAndDifferFromProduction(string staging, string problem)
    {
        await EnsureModelAsync();

        var (_, problems) = await Commands().CreateAsync(Request($"versions-{staging}") with { StagingVersion = staging }, "ml", null, _ct);

        Assert.Equal(problem, problems["StagingVersion"]);
    }

    [Fact]
    public async Task Create_DuplicateOrReservedKey_IsRefused()
    {
        await EnsureModelAsync();
        await Commands().CreateAsync(Request("taken-key"), "ml", null, _ct);

        var (_, duplicate) = await Commands().CreateAsync(Request("taken-key"), "ml", null, _ct);
        var (_, reserved) = await Commands().CreateAsync(Request("new"), "ml", null, _ct);

        Assert.Equal("An experiment with this key exists already.", duplicate["Key"]);
        Assert.True(reserved.ContainsKey("Key"));
    }

    private ExperimentCommands Commands()
    {
        var contexts = fixture.Database.CreateContextFactory();
        var registry = new BuiltInModelRegistry(contexts, TimeProvider.System);
        return new(contexts, new ModelCatalog(registry, Options.Create(new ModelRegistryOptions()), TimeProvider.System), TimeProvider.System);
    }

    private static NewExperiment Request(string key) =>
        new(key, "Auto-matching v8 vs v7", null, "auto-matching", "7", "8", 0.1, ExperimentMode.AbTest, DecisionPolicy.Default, ApprovalMode.OneLead, StartNow: true);

    private async Task EnsureModelAsync()
    {
        await using var db = fixture.Database.CreateContext();
        if (!await db.RegisteredModels.AnyAsync(m => m.Name == "auto-matching", _ct))
        {
            db.RegisteredModels.Add(new RegisteredModel
            {
                Name = "auto-matching",
                Versions =
                [
                    new ModelVersion { ModelName = "auto-matching", Version = "7", Stage = ModelStage.Production },
                    new ModelVersion { ModelName = "auto-matching", Version = "8", Stage = ModelStage.Staging },
                ],
            });
            await db.SaveChangesAsync(_ct);
        }
    }
}
