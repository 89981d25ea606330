using System.ComponentModel.DataAnnotations;

namespace Lotte.Core.ModelRegistry;

/// <summary>Which registry the dashboard uses (section <c>ModelRegistry</c>).</summary>
public sealed class ModelRegistryOptions
{
    public const string SectionName = "ModelRegistry";

    public ModelRegistryProvider Provider { get; set; } = ModelRegistryProvider.BuiltIn;

    public MlflowOptions Mlflow { get; set; } = new();
}

public enum ModelRegistryProvider
{
    BuiltIn,
    Mlflow,
}

/// <summary>MLflow over REST API 2.0 (section <c>ModelRegistry:Mlflow</c>).</summary>
public sealed class MlflowOptions
{
    /// <summary>The tracking server, e.g. http://127.0.0.1:5000 (the /api/2.0/mlflow prefix is added).</summary>
    public Uri? TrackingUri { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c> when set (Databricks or an auth proxy in front of MLflow).</summary>
    public string? Token { get; set; }

    /// <summary>
    /// With <see cref="Password"/>, sent as <c>Authorization: Basic</c>: MLflow's own authentication
    /// (<c>mlflow server --app-name basic-auth</c>) accepts only user name and password, not a bearer token.
    /// </summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>How the serving version is marked: aliases (MLflow's recommendation since 2.9) or stages.</summary>
    public MlflowServingMode Mode { get; set; } = MlflowServingMode.Aliases;

    [RegularExpression(@"^[\w\-]{1,255}$")]
    public string ChampionAlias { get; set; } = "champion";

    [RegularExpression(@"^[\w\-]{1,255}$")]
    public string ChallengerAlias { get; set; } = "challenger";

    [RegularExpression(@"^[\w\-]{1,255}$")]
    public string PreviousAlias { get; set; } = "previous";

    /// <summary>Per attempt; the resilience handler retries within <see cref="TotalTimeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

public enum MlflowServingMode
{
    Aliases,
    Stages,
}
