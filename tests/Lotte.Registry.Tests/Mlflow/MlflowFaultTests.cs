using System.Diagnostics;
using Lotte.Core.ModelRegistry;
using Lotte.Testing.Mlflow;

namespace Lotte.Registry.Tests.Mlflow;

/// <summary>Failures injected into the MLflow-protocol server: what is retried, what is transient, and how long it takes.</summary>
public sealed class MlflowFaultTests : IAsyncLifetime
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);
    private MlflowTestServer _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await MlflowTestServer.StartAsync(cancellationToken: Cancel);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ListModels_TwoAnswers503ThenRecovery_RetriedAndSucceeds()
    {
        await using var seed = new MlflowSeed(_server.BaseUri);
        var model = await seed.CreateModelAsync(Cancel);
        using var client = new RegistryClient(_server.BaseUri);
        _server.ClearRequests();
        _server.FailNext(2);

        var models = await client.Registry.ListModelsAsync(Cancel);

        Assert.Contains(models, m => m.Name == model);
        Assert.Equal(3, _server.Requests.Count(r => r.Path.EndsWith("registered-models/search", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(503, "TEMPORARILY_UNAVAILABLE")]
    [InlineData(429, "REQUEST_LIMIT_EXCEEDED")]
    public async Task FindVersion_EveryAnswerFails_TransientWithErrorCodeAfterRetries(int status, string errorCode)
    {
        using var client = new RegistryClient(_server.BaseUri, totalTimeout: TimeSpan.FromSeconds(10));
        _server.FailNext(1000, status);

        var error = await Assert.ThrowsAsync<ModelRegistryException>(() => client.Registry.FindVersionAsync("m", "1", Cancel));

        Assert.True(error.IsTransient);
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal(4, _server.Requests.Count); // one attempt and the standard handler's three retries
    }

    [Fact]
    public async Task ApplyAsync_ServerHangs_TransientWithinTheTotalTimeout()
    {
        _server.ResponseDelay = TimeSpan.FromMinutes(1);
        using var client = new RegistryClient(_server.BaseUri, attemptTimeout: TimeSpan.FromMilliseconds(300), totalTimeout: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ModelRegistryException>(() => client.Registry.ApplyAsync(
            new RegistryMove(RegistryMoveKind.Promote, "m", "2", "1", "e", "automatic"), Cancel));

        Assert.True(error.IsTransient);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1) + Slack);
        Assert.True(_server.Requests.Count >= 2, "the attempt timeout should have let the handler retry");
    }

    [Fact]
    public async Task ListModels_ServerStopped_TransientWithinTheTotalTimeout()
    {
        await _server.StopListeningAsync();
        using var client = new RegistryClient(_server.BaseUri, attemptTimeout: TimeSpan.FromSeconds(1), totalTimeout: TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ModelRegistryException>(() => client.Registry.ListModelsAsync(Cancel));

        Assert.True(error.IsTransient);
        Assert.Null(error.ErrorCode);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2) + Slack);
    }

    [Fact]
    public async Task ListModels_SlowAnswerUnderTheAttemptTimeout_Succeeds()
    {
        _server.ResponseDelay = TimeSpan.FromMilliseconds(400);
        using var client = new RegistryClient(_server.BaseUri, attemptTimeout: TimeSpan.FromSeconds(3), totalTimeout: TimeSpan.FromSeconds(10));

        var models = await client.Registry.ListModelsAsync(Cancel);

        Assert.Empty(models);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task CheckHealth_ServerStopped_UnreachableWithReasonWithoutThrowing()
    {
        await _server.StopListeningAsync();
        using var client = new RegistryClient(_server.BaseUri, attemptTimeout: TimeSpan.FromSeconds(1), totalTimeout: TimeSpan.FromSeconds(20));
        var clock = Stopwatch.StartNew();

        var health = await client.Registry.CheckHealthAsync(Cancel);

        Assert.False(health.Reachable);
        Assert.Contains("unreachable", health.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1) + Slack); // one attempt, no retries
    }

    [Fact]
    public async Task CheckHealth_ServerAnswers503_UnreachableNamingTheStatus()
    {
        _server.FailNext(1);
        using var client = new RegistryClient(_server.BaseUri);

        var health = await client.Registry.CheckHealthAsync(Cancel);

        Assert.False(health.Reachable);
        Assert.Contains("503", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListModels_TrackingUriWithoutMlflow_PermanentErrorFromTheHtml404()
    {
        using var client = new RegistryClient(new Uri(_server.BaseUri, "not-mlflow/"));

        var error = await Assert.ThrowsAsync<ModelRegistryException>(() => client.Registry.ListModelsAsync(Cancel));

        Assert.False(error.IsTransient);
        Assert.Null(error.ErrorCode);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
    }
}
