using Lotte.Core.ModelRegistry;
using Lotte.Testing.Mlflow;

namespace Lotte.Registry.Tests.Mlflow;

/// <summary>What the client puts on the wire, read from the requests the MLflow-protocol server recorded.</summary>
public sealed class MlflowWireFormatTests : IAsyncLifetime
{
    private MlflowTestServer _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await MlflowTestServer.StartAsync(cancellationToken: Cancel);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Apply_AlreadyApplied_MakesNoWriteCall()
    {
        var (model, serving, candidate) = await SeedAsync();
        using var client = new RegistryClient(_server.BaseUri);
        var move = new RegistryMove(RegistryMoveKind.Promote, model, candidate, serving, "e1", "automatic");
        await client.Registry.ApplyAsync(move, Cancel);
        _server.ClearRequests();

        await client.Registry.ApplyAsync(move, Cancel);

        Assert.DoesNotContain(_server.Requests, r => r.IsWrite);
    }

    [Fact]
    public async Task Apply_Aliases_PostsAndDeletesJsonBodiesWithJsonContentType()
    {
        var (model, serving, candidate) = await SeedAsync();
        await using (var seed = new MlflowSeed(_server.BaseUri))
        {
            await seed.SetAliasAsync(model, "challenger", candidate, Cancel);
        }
        using var client = new RegistryClient(_server.BaseUri);
        _server.ClearRequests();

        await client.Registry.ApplyAsync(new RegistryMove(RegistryMoveKind.Promote, model, candidate, serving, "e1", "automatic"), Cancel);

        var writes = _server.Requests.Where(r => r.IsWrite).ToList();
        Assert.All(writes, w => Assert.Equal("application/json", w.ContentType));
        Assert.All(writes, w => Assert.Empty(w.Query));
        var delete = Assert.Single(writes, w => w.Method == "DELETE");
        Assert.Equal("/api/2.0/mlflow/registered-models/alias", delete.Path);
        Assert.Equal($$"""{"name":"{{model}}","alias":"challenger"}""", delete.Body);
        Assert.Contains(writes, w => w.Body == $$"""{"name":"{{model}}","alias":"champion","version":"{{candidate}}"}""");
        Assert.Equal(RegistryTags.Experiment, System.Text.Json.JsonDocument.Parse(writes[^1].Body).RootElement.GetProperty("key").GetString());
    }

    [Fact]
    public async Task ListModels_MoreThanOnePage_FollowsEncodedPageTokens()
    {
        await using var seed = new MlflowSeed(_server.BaseUri);
        var names = new List<string>();
        for (var i = 0; i < 101; i++)
        {
            names.Add(await seed.CreateModelAsync(Cancel));
        }
        using var client = new RegistryClient(_server.BaseUri);
        _server.ClearRequests();

        var models = await client.Registry.ListModelsAsync(Cancel);

        Assert.Equal(names.Order(StringComparer.Ordinal), models.Select(m => m.Name));
        var searches = _server.Requests.Where(r => r.Path.EndsWith("registered-models/search", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, searches.Count);
        Assert.Contains("page_token=eyJvZmZzZXQiOiAxMDB9", searches[1].Query, StringComparison.Ordinal);
        var versionSearch = _server.Requests.First(r => r.Path.EndsWith("model-versions/search", StringComparison.Ordinal));
        Assert.Contains($"filter=name%3D%27{names.Order(StringComparer.Ordinal).First()}%27", versionSearch.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_WithToken_CarryBearerAuthorization()
    {
        using var client = new RegistryClient(_server.BaseUri, settings: new Dictionary<string, string?> { ["ModelRegistry:Mlflow:Token"] = "t0ken" });

        await client.Registry.ListModelsAsync(Cancel);

        Assert.Equal("Bearer t0ken", Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task Requests_WithUserNameAndPassword_CarryBasicAuthorization()
    {
        using var client = new RegistryClient(_server.BaseUri, settings: new Dictionary<string, string?>
        {
            ["ModelRegistry:Mlflow:Username"] = "lotte",
            ["ModelRegistry:Mlflow:Password"] = "secret",
        });

        await client.Registry.ListModelsAsync(Cancel);

        Assert.Equal("Basic " + Convert.ToBase64String("lotte:secret"u8.ToArray()), Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task Requests_TrackingUriWithLocalhost_PassTheHostHeaderCheck()
    {
        using var client = new RegistryClient(new Uri($"http://localhost:{_server.BaseUri.Port}"));

        var health = await client.Registry.CheckHealthAsync(Cancel);

        Assert.True(health.Reachable, health.Detail);
    }

    private async Task<(string Model, string Serving, string Candidate)> SeedAsync()
    {
        await using var seed = new MlflowSeed(_server.BaseUri, cleanUp: false);
        var model = await seed.CreateModelAsync(Cancel);
        var serving = await seed.CreateVersionAsync(model, Cancel);
        var candidate = await seed.CreateVersionAsync(model, Cancel);
        await seed.SetAliasAsync(model, "champion", serving, Cancel);
        return (model, serving, candidate);
    }
}
