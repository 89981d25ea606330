using Lotte.Core.ModelRegistry;
using Lotte.Core.ModelRegistry.Mlflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Lotte.Registry.Tests.Mlflow;

/// <summary>The MLflow registry as the dashboard wires it (configuration section, registration extension), for tests.</summary>
public sealed class RegistryClient : IDisposable
{
    private readonly ServiceProvider _services;

    public RegistryClient(Uri trackingUri, MlflowServingMode mode = MlflowServingMode.Aliases,
        TimeSpan? attemptTimeout = null, TimeSpan? totalTimeout = null, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ModelRegistry:Provider"] = "Mlflow",
            ["ModelRegistry:Mlflow:TrackingUri"] = trackingUri.ToString(),
            ["ModelRegistry:Mlflow:Mode"] = mode.ToString(),
            ["ModelRegistry:Mlflow:AttemptTimeout"] = (attemptTimeout ?? TimeSpan.FromSeconds(5)).ToString(),
            ["ModelRegistry:Mlflow:TotalTimeout"] = (totalTimeout ?? TimeSpan.FromSeconds(20)).ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        // Retries as in production, only with a short first delay so the fault tests stay quick.
        services.AddMlflowModelRegistry().Configure(o => o.Retry.Delay = TimeSpan.FromMilliseconds(50));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Registry = _services.GetRequiredService<IModelRegistry>();
    }

    public IModelRegistry Registry { get; }

    public void Dispose() => _services.Dispose();
}
