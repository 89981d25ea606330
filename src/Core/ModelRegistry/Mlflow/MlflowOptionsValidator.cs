using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Lotte.Core.ModelRegistry.Mlflow;

/// <summary>
/// Checks the <c>ModelRegistry:Mlflow</c> settings when MLflow is the registry, naming every bad key (never a secret's
/// value) so one start-up failure lists everything to fix.
/// </summary>
public sealed partial class MlflowOptionsValidator : IValidateOptions<ModelRegistryOptions>
{
    private const string Section = ModelRegistryOptions.SectionName + ":Mlflow";

    public ValidateOptionsResult Validate(string? name, ModelRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != ModelRegistryProvider.Mlflow)
        {
            return ValidateOptionsResult.Success;
        }
        var mlflow = options.Mlflow;
        var failures = new List<string>();

        if (mlflow.TrackingUri is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{Section}:{nameof(mlflow.TrackingUri)} is required when {ModelRegistryOptions.SectionName}:Provider is Mlflow: the tracking server's absolute http(s) address, e.g. http://127.0.0.1:5000.");
        }
        if (!string.IsNullOrEmpty(mlflow.Token) && !string.IsNullOrEmpty(mlflow.Username))
        {
            failures.Add($"{Section}: set either {nameof(mlflow.Token)} (bearer) or {nameof(mlflow.Username)} and {nameof(mlflow.Password)} (basic), not both.");
        }
        if (string.IsNullOrEmpty(mlflow.Username) != string.IsNullOrEmpty(mlflow.Password))
        {
            failures.Add($"{Section}:{nameof(mlflow.Username)} and {Section}:{nameof(mlflow.Password)} go together.");
        }
        if (mlflow.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(mlflow.AttemptTimeout)} must be positive.");
        }
        if (mlflow.TotalTimeout < mlflow.AttemptTimeout)
        {
            failures.Add($"{Section}:{nameof(mlflow.TotalTimeout)} must be at least {Section}:{nameof(mlflow.AttemptTimeout)}.");
        }

        var aliases = new[]
        {
            (Key: nameof(mlflow.ChampionAlias), Value: mlflow.ChampionAlias),
            (Key: nameof(mlflow.ChallengerAlias), Value: mlflow.ChallengerAlias),
            (Key: nameof(mlflow.PreviousAlias), Value: mlflow.PreviousAlias),
        };
        foreach (var (key, value) in aliases)
        {
            if (!IsUsableAlias(value))
            {
                failures.Add($"{Section}:{key} '{value}' is not an alias MLflow accepts: 1 to 255 letters, digits, '_' or '-', not 'latest' and not shaped like a version (v3).");
            }
        }
        if (aliases.Select(a => a.Value).Distinct(StringComparer.Ordinal).Count() < aliases.Length)
        {
            failures.Add($"{Section}: {nameof(mlflow.ChampionAlias)}, {nameof(mlflow.ChallengerAlias)} and {nameof(mlflow.PreviousAlias)} must differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>MLflow's alias rules: <c>^[\w\-]*$</c>, at most 255 characters, "latest" and "v&lt;digits&gt;" reserved.</summary>
    private static bool IsUsableAlias(string? alias) =>
        alias is { Length: > 0 and <= 255 }
        && AliasPattern().IsMatch(alias)
        && !string.Equals(alias, "latest", StringComparison.OrdinalIgnoreCase)
        && !VersionShaped().IsMatch(alias);

    [GeneratedRegex(@"^[\w\-]+$")]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@"^[vV]\d+$")]
    private static partial Regex VersionShaped();
}
