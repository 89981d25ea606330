using Lotte.Testing.Mlflow;

namespace Lotte.Registry.Tests.Mlflow;

/// <summary>The client scenarios against the MLflow-protocol server.</summary>
public sealed class MlflowTestServerScenarios : MlflowRegistryScenarios
{
    private MlflowTestServer? _server;

    protected override Uri BaseUri => _server?.BaseUri ?? throw new InvalidOperationException("not started");

    public override async ValueTask InitializeAsync()
    {
        _server = await MlflowTestServer.StartAsync(cancellationToken: Cancel);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
