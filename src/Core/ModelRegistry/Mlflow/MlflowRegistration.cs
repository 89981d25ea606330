using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Lotte.Core.ModelRegistry.Mlflow;

public static class MlflowRegistration
{
    /// <summary>
    /// Registers <see cref="MlflowModelRegistry"/> as the <see cref="IModelRegistry"/>: binds and validates
    /// <see cref="ModelRegistryOptions"/> (section <c>ModelRegistry</c>) at start-up, and a typed HttpClient with the
    /// standard resilience handler (retries with backoff on unreachable, timeouts, 5xx and 429; a timeout per attempt
    /// and over all attempts from the options). The returned builder tunes the resilience options further.
    /// </summary>
    public static IHttpStandardResiliencePipelineBuilder AddMlflowModelRegistry(this IServiceCollection services)
    {
        services.AddOptions<ModelRegistryOptions>()
            .BindConfiguration(ModelRegistryOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelRegistryOptions>, MlflowOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(MlflowModelRegistry.HealthClientName, (provider, http) =>
            {
                var options = MlflowOptionsOf(provider);
                Configure(http, options);
                http.Timeout = options.AttemptTimeout;
            })
            .ConfigurePrimaryHttpMessageHandler(CreateHandler);

        var resilience = services.AddHttpClient<MlflowModelRegistry>((provider, http) =>
            {
                Configure(http, MlflowOptionsOf(provider));
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler's total timeout governs
            })
            .ConfigurePrimaryHttpMessageHandler(CreateHandler)
            // The registry is held by singletons (the outbox worker); pooled connections are renewed instead of handlers.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler();
        resilience.Configure((resilienceOptions, provider) =>
        {
            if (UnvalidatedOptions(provider) is not { } options)
            {
                return; // invalid settings: the start-up validation of ModelRegistryOptions reports them, once
            }
            resilienceOptions.AttemptTimeout.Timeout = options.AttemptTimeout;
            resilienceOptions.TotalRequestTimeout.Timeout = options.TotalTimeout;
            // The circuit breaker's window must be at least twice the attempt timeout.
            var window = options.AttemptTimeout * 2;
            if (resilienceOptions.CircuitBreaker.SamplingDuration < window)
            {
                resilienceOptions.CircuitBreaker.SamplingDuration = window;
            }
        });

        services.AddSingleton<IModelRegistry>(provider => provider.GetRequiredService<MlflowModelRegistry>());
        return resilience;
    }

    private static MlflowOptions MlflowOptionsOf(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<ModelRegistryOptions>>().Value.Mlflow;

    private static MlflowOptions? UnvalidatedOptions(IServiceProvider provider)
    {
        try
        {
            return MlflowOptionsOf(provider);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }

    private static SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>
    /// The base address keeps the tracking URI's host exactly as given, so the Host header is what the server was told
    /// to accept (MLflow 3 refuses unknown hosts); a path such as a proxy prefix is kept.
    /// </summary>
    private static void Configure(HttpClient http, MlflowOptions options)
    {
        if (options.TrackingUri is { } uri)
        {
            http.BaseAddress = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        }
        if (!string.IsNullOrEmpty(options.Token))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }
}
