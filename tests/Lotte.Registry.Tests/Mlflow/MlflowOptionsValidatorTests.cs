using Lotte.Core.ModelRegistry;
using Lotte.Core.ModelRegistry.Mlflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lotte.Registry.Tests.Mlflow;

public sealed class MlflowOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(Action<ModelRegistryOptions> configure)
    {
        var options = new ModelRegistryOptions { Provider = ModelRegistryProvider.Mlflow };
        options.Mlflow.TrackingUri = new Uri("http://127.0.0.1:5000");
        configure(options);
        return new MlflowOptionsValidator().Validate(null, options);
    }

    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(Validate(_ => { }).Succeeded);

    [Fact]
    public void Validate_BuiltInProviderWithoutTrackingUri_Succeeds() =>
        Assert.True(Validate(o => { o.Provider = ModelRegistryProvider.BuiltIn; o.Mlflow.TrackingUri = null; }).Succeeded);

    [Fact]
    public void Validate_MlflowWithoutTrackingUri_FailsNamingTheKey()
    {
        var result = Validate(o => o.Mlflow.TrackingUri = null);

        Assert.True(result.Failed);
        Assert.Contains("ModelRegistry:Mlflow:TrackingUri", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EverythingWrong_NamesEveryBadKey()
    {
        var result = Validate(o =>
        {
            o.Mlflow.ChampionAlias = "latest";
            o.Mlflow.ChallengerAlias = "v2";
            o.Mlflow.PreviousAlias = "has space";
            o.Mlflow.Token = "t";
            o.Mlflow.Username = "u";
            o.Mlflow.AttemptTimeout = TimeSpan.FromSeconds(30);
        });

        Assert.True(result.Failed);
        foreach (var key in new[] { "ChampionAlias", "ChallengerAlias", "PreviousAlias", "Token", "Password", "TotalTimeout" })
        {
            Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("'t'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameAliasTwice_Fails() =>
        Assert.True(Validate(o => o.Mlflow.PreviousAlias = o.Mlflow.ChampionAlias).Failed);

    [Fact]
    public void AddMlflowModelRegistry_MissingTrackingUri_StartUpValidationFails()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ModelRegistry:Provider"] = "Mlflow" }).Build());
        services.AddMlflowModelRegistry();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ModelRegistry:Mlflow:TrackingUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMlflowModelRegistry_Configured_ResolvesTheMlflowRegistry()
    {
        using var client = new RegistryClient(new Uri("http://127.0.0.1:5000"));

        Assert.IsType<MlflowModelRegistry>(client.Registry);
        Assert.Equal("mlflow", client.Registry.Name);
    }
}
