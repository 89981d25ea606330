using Lotte.Core.ModelRegistry.BuiltIn;
using Lotte.Core.ModelRegistry.Mlflow;
using Lotte.Core.ModelRegistry.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lotte.Core.ModelRegistry;

public static class ModelRegistrySetup
{
    /// <summary>The registry chosen by <c>ModelRegistry:Provider</c>, the pages' cache over it, and the outbox worker.</summary>
    public static IHostApplicationBuilder AddModelRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModelRegistryOptions>()
            .BindConfiguration(ModelRegistryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var provider = builder.Configuration.GetValue($"{ModelRegistryOptions.SectionName}:{nameof(ModelRegistryOptions.Provider)}", ModelRegistryProvider.BuiltIn);
        if (provider == ModelRegistryProvider.Mlflow)
        {
            builder.Services.AddMlflowModelRegistry();
        }
        else
        {
            builder.Services.AddSingleton<IModelRegistry, BuiltInModelRegistry>();
        }

        builder.Services.AddSingleton<ModelCatalog>();
        builder.Services.AddSingleton<RegistryChanges>();
        builder.Services.AddOptions<RegistryOutboxOptions>().BindConfiguration(RegistryOutboxOptions.SectionName);
        builder.Services.AddSingleton<RegistryOutboxWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RegistryOutboxWorker>());
        return builder;
    }
}
