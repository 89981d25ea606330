using Lotte.Core.ModelRegistry;
using Lotte.Testing.Mlflow;

namespace Lotte.Registry.Tests.Mlflow;

/// <summary>
/// What the MLflow registry client must do against any MLflow server, written once: the protocol server in the tests
/// and, when LOTTE_MLFLOW_REAL_URI is set, a real MLflow (<see cref="RealMlflowScenarios"/>). Each scenario creates its
/// own uniquely named model and deletes it afterwards.
/// </summary>
public abstract class MlflowRegistryScenarios : IAsyncLifetime
{
    private const string Experiment = "undervaluation-v9";
    private MlflowSeed? _seed;

    /// <summary>The tracking server under test.</summary>
    protected abstract Uri BaseUri { get; }

    protected MlflowSeed Seed => _seed ?? throw new InvalidOperationException("not initialised");

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync()
    {
        _seed = new MlflowSeed(BaseUri);
        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_seed is not null)
        {
            await _seed.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    protected RegistryClient Client(MlflowServingMode mode = MlflowServingMode.Aliases) => new(BaseUri, mode);

    private static RegistryMove Promote(string model, string version, string replaced) =>
        new(RegistryMoveKind.Promote, model, version, replaced, Experiment, "lead-action-1,lead-action-2");

    private static RegistryMove RollBack(string model, string version, string serving) =>
        new(RegistryMoveKind.RollBack, model, version, serving, Experiment, "automatic");

    [Fact]
    public async Task ListModels_ModelWithVersions_VersionsNewestFirstWithAliasesAndStages()
    {
        var model = await Seed.CreateModelAsync(Cancel);
        var v1 = await Seed.CreateVersionAsync(model, Cancel);
        var v2 = await Seed.CreateVersionAsync(model, Cancel);
        await Seed.SetAliasAsync(model, "champion", v1, Cancel);
        await Seed.TransitionAsync(model, v2, "Staging", archiveExisting: false, Cancel);
        using var client = Client();

        var listed = (await client.Registry.ListModelsAsync(Cancel)).Single(m => m.Name == model);

        Assert.Equal("created by a Lotte test", listed.Description);
        Assert.Equal([v2, v1], listed.Versions.Select(v => v.Version));
        Assert.Equal(["champion"], listed.Versions[1].Aliases);
        Assert.Empty(listed.Versions[0].Aliases);
        Assert.Equal(ModelStage.Staging, listed.Versions[0].Stage);
        Assert.Equal("s3://lotte-test-bucket/models/model", listed.Versions[0].Source);
    }

    [Fact]
    public async Task FindVersion_VersionWithTrainingRun_ReturnsMaeAndRmseFromTheRun()
    {
        var model = await Seed.CreateModelAsync(Cancel);
        var (version, runId) = await Seed.CreateVersionWithRunAsync(model, mae: 0.0412, rmse: 0.0633, Cancel);
        using var client = Client();

        var found = await client.Registry.FindVersionAsync(model, version, Cancel);

        Assert.NotNull(found);
        Assert.Equal(runId, found.RunId);
        Assert.Equal(0.0412, found.Mae);
        Assert.Equal(0.0633, found.Rmse);
        Assert.Equal(ModelStage.None, found.Stage);
    }

    [Fact]
    public async Task FindVersion_NoRunOrDeletedRun_ReturnsVersionWithoutMetrics()
    {
        var model = await Seed.CreateModelAsync(Cancel);
        var withoutRun = await Seed.CreateVersionAsync(model, Cancel);
        var (withDeletedRun, runId) = await Seed.CreateVersionWithRunAsync(model, mae: 1, rmse: 2, Cancel);
        await Seed.DeleteRunAsync(runId, Cancel);
        using var client = Client();

        var first = await client.Registry.FindVersionAsync(model, withoutRun, Cancel);
        var second = await client.Registry.FindVersionAsync(model, withDeletedRun, Cancel);

        Assert.NotNull(first);
        Assert.Null(first.RunId);
        Assert.Null(first.Mae);
        Assert.NotNull(second);
        Assert.Null(second.Mae);
        Assert.Null(second.Rmse);
    }

    [Fact]
    public async Task FindVersion_MissingVersionOrModel_ReturnsNull()
    {
        var model = await Seed.CreateModelAsync(Cancel);
        using var client = Client();

        Assert.Null(await client.Registry.FindVersionAsync(model, "42", Cancel));
        Assert.Null(await client.Registry.FindVersionAsync(model, "not-a-number", Cancel));
        Assert.Null(await client.Registry.FindVersionAsync(MlflowSeed.UniqueName(), "1", Cancel));
    }

    [Fact]
    public async Task Apply_AliasesPromote_MovesChampionSetsPreviousRemovesChallengerAndTags()
    {
        var model = await Seed.CreateModelAsync(Cancel);
        var serving = await Seed.CreateVersionAsync(model, Cancel);
        var candidate = await Seed.CreateVersionAsync(model, Cancel);
        await Seed.SetAliasAsync(model, "champion", serving, Cancel);
        await Seed.SetAliasAsync(model, "challenger", candidate, Cancel);
        using var client = Client();
        var move = Promote(model, candidate, serving);

        Assert.False(await client.Registry.IsAppliedAsync(move, Cancel));
        await client.Registry.ApplyAsync(move, Cancel);

        Assert.True(await client.Registry.IsAppliedAsync(move, Cancel));
        Assert.Equal(new Dictionary<string, string> { ["champion"] = candidate, ["previous"] = serving }, await Seed.AliasesAsync(model, Cancel));
        var moved = await client.Registry.FindVersionAsync(model, candidate, Cancel);
        Assert.Equal(["champion"], moved!.Aliases);
        Assert.Equal(Experiment, moved.Tags[RegistryTags.Experiment]);
        Assert.Equal("PROMOTE", moved.Tags[RegistryTags.Decision]);
        Assert.Equal("lead-action-1,lead-action-2", moved.Tags[RegistryTags.Approval]);
        Assert.Equal(serving, moved.Tags[RegistryTags.ReplacedVersion]);
        var movedAt = DateTimeOffset.Parse(moved.Tags[RegistryTags.MovedAt], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, movedAt.Offset);
        Assert.InRange(movedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(ModelStage.None, moved.Stage); // aliases mode leaves stages alone
    }

    [Fact]
    public async Task Apply_AliasesRollBack_RemovesChallengerOnlyAndTags()
    {
        var model = await Seed.CreateModelAsync(Cancel);
        var serving = await Seed.CreateVersionAsync(model, Cancel);
        var candidate = await Seed.CreateVersionAsync(model, Cancel);
        await Seed.SetAliasAsync(model, "champion", serving, Cancel);
        await Seed.SetAliasAsync(model, "challenger", candidate, Cancel);
        using var client = Client();
        var move = RollBack(model, candidate, serving);

        Assert.False(await client.Registry.IsAppliedAsync(move, Cancel));
        await client.Registry.ApplyAsync(move, Cancel);

        Assert.True(await client.Registry.IsAppliedAsync(move, Cancel));
        Assert.Equal(new Dictionary<string, string> { ["champion"] = serving }, await Seed.AliasesAsync(model, Cancel));
        var rolledBack = await client.Registry.FindVersionAsync(model, candidate, Cancel);
        Assert.Equal("ROLLBACK", rolledBack!.Tags[RegistryTags.Decision]);
        Assert.Equal("automatic", rolledBack.Tags[RegistryTags.Approval]);
        Assert.False(rolledBack.Tags.ContainsKey(RegistryTags.ReplacedVersion));
    }

    [Fact]
    public async Task Apply_StagesPromote_ArchivesOldProductionAndTagsReplacedVersion()
    {
        var model = await Seed.CreateModelAsync(Cancel);
        var serving = await Seed.CreateVersionAsync(model, Cancel);
        var candidate = await Seed.CreateVersionAsync(model, Cancel);
        await Seed.TransitionAsync(model, serving, "Production", archiveExisting: false, Cancel);
        await Seed.TransitionAsync(model, candidate, "Staging", archiveExisting: false, Cancel);
        using var client = Client(MlflowServingMode.Stages);
        var move = Promote(model, candidate, serving);

        Assert.False(await client.Registry.IsAppliedAsync(move, Cancel));
        await client.Registry.ApplyAsync(move, Cancel);

        Assert.True(await client.Registry.IsAppliedAsync(move, Cancel));
        var promoted = await client.Registry.FindVersionAsync(model, candidate, Cancel);
        var replaced = await client.Registry.FindVersionAsync(model, serving, Cancel);
        Assert.Equal(ModelStage.Production, promoted!.Stage);
        Assert.Equal(ModelStage.Archived, replaced!.Stage);
        Assert.Equal(serving, promoted.Tags[RegistryTags.ReplacedVersion]);
        Assert.Equal(Experiment, promoted.Tags[RegistryTags.Experiment]);
        Assert.Empty(await Seed.AliasesAsync(model, Cancel)); // stages mode leaves aliases alone
    }

    [Fact]
    public async Task Apply_StagesRollBack_ArchivesTheVersionAndLeavesProduction()
    {
        var model = await Seed.CreateModelAsync(Cancel);
        var serving = await Seed.CreateVersionAsync(model, Cancel);
        var candidate = await Seed.CreateVersionAsync(model, Cancel);
        await Seed.TransitionAsync(model, serving, "Production", archiveExisting: false, Cancel);
        await Seed.TransitionAsync(model, candidate, "Staging", archiveExisting: false, Cancel);
        using var client = Client(MlflowServingMode.Stages);
        var move = RollBack(model, candidate, serving);

        await client.Registry.ApplyAsync(move, Cancel);

        Assert.True(await client.Registry.IsAppliedAsync(move, Cancel));
        Assert.Equal(ModelStage.Archived, (await client.Registry.FindVersionAsync(model, candidate, Cancel))!.Stage);
        Assert.Equal(ModelStage.Production, (await client.Registry.FindVersionAsync(model, serving, Cancel))!.Stage);
    }

    [Theory]
    [InlineData(MlflowServingMode.Aliases)]
    [InlineData(MlflowServingMode.Stages)]
    public async Task Apply_Twice_SecondApplyChangesNothing(MlflowServingMode mode)
    {
        var model = await Seed.CreateModelAsync(Cancel);
        var serving = await Seed.CreateVersionAsync(model, Cancel);
        var candidate = await Seed.CreateVersionAsync(model, Cancel);
        await Seed.SetAliasAsync(model, "champion", serving, Cancel);
        await Seed.TransitionAsync(model, serving, "Production", archiveExisting: false, Cancel);
        using var client = Client(mode);
        var move = Promote(model, candidate, serving);
        await client.Registry.ApplyAsync(move, Cancel);
        var once = await client.Registry.FindVersionAsync(model, candidate, Cancel);

        await client.Registry.ApplyAsync(move, Cancel);

        var twice = await client.Registry.FindVersionAsync(model, candidate, Cancel);
        Assert.Equal(once!.Tags, twice!.Tags); // moved_at included: nothing was rewritten
        Assert.Equal(once.UpdatedAt, twice.UpdatedAt);
        Assert.Equal(once.Stage, twice.Stage);
        Assert.Equal(once.Aliases, twice.Aliases);
    }

    [Fact]
    public async Task IsApplied_AliasMovedButTagsMissing_FalseUntilApplyCompletesTheMove()
    {
        var model = await Seed.CreateModelAsync(Cancel);
        var serving = await Seed.CreateVersionAsync(model, Cancel);
        var candidate = await Seed.CreateVersionAsync(model, Cancel);
        // A crash after the pointer moved, before the tags were written:
        await Seed.SetAliasAsync(model, "champion", candidate, Cancel);
        await Seed.SetAliasAsync(model, "previous", serving, Cancel);
        using var client = Client();
        var move = Promote(model, candidate, serving);

        Assert.False(await client.Registry.IsAppliedAsync(move, Cancel));
        await client.Registry.ApplyAsync(move, Cancel);

        Assert.True(await client.Registry.IsAppliedAsync(move, Cancel));
        Assert.Equal(Experiment, (await client.Registry.FindVersionAsync(model, candidate, Cancel))!.Tags[RegistryTags.Experiment]);
    }

    [Fact]
    public async Task IsApplied_StageMovedButTagsMissing_FalseUntilApplyCompletesTheMove()
    {
        var model = await Seed.CreateModelAsync(Cancel);
        var serving = await Seed.CreateVersionAsync(model, Cancel);
        var candidate = await Seed.CreateVersionAsync(model, Cancel);
        await Seed.TransitionAsync(model, serving, "Production", archiveExisting: false, Cancel);
        await Seed.TransitionAsync(model, candidate, "Production", archiveExisting: true, Cancel);
        using var client = Client(MlflowServingMode.Stages);
        var move = Promote(model, candidate, serving);

        Assert.False(await client.Registry.IsAppliedAsync(move, Cancel));
        await client.Registry.ApplyAsync(move, Cancel);

        Assert.True(await client.Registry.IsAppliedAsync(move, Cancel));
    }

    [Fact]
    public async Task Apply_MissingVersion_ThrowsPermanentResourceDoesNotExist()
    {
        var model = await Seed.CreateModelAsync(Cancel);
        var serving = await Seed.CreateVersionAsync(model, Cancel);
        using var client = Client();

        var error = await Assert.ThrowsAsync<ModelRegistryException>(() => client.Registry.ApplyAsync(Promote(model, "99", serving), Cancel));

        Assert.False(error.IsTransient);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.ErrorCode);
    }

    [Fact]
    public async Task CheckHealth_ServerAnswers_Reachable()
    {
        using var client = Client();

        var health = await client.Registry.CheckHealthAsync(Cancel);

        Assert.True(health.Reachable, health.Detail);
        Assert.Equal("mlflow", health.Registry);
    }
}
