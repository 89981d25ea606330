using System.Text.Json.Nodes;
using Lotte.IntegrationTests.Monitoring;
using Lotte.Testing;

namespace Lotte.IntegrationTests.Deploy;

/// <summary>
/// deploy/k8s/*.yaml as validated by deploy/k8s-validate (the Kubernetes API schemas bundled in the npm package
/// kubernetes-models, offline), with each parsed document kept for the cross-checks. npm installs the validator once.
/// </summary>
public sealed class KubernetesManifests : IAsyncLifetime
{
    public static readonly string ValidatorDirectory = RepositoryRoot.Combine("deploy", "k8s-validate");
    public static readonly string ManifestDirectory = RepositoryRoot.Combine("deploy", "k8s");

    public CommandLine.Result Validation { get; private set; } = null!;
    public IReadOnlyList<JsonObject> Documents { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        await EnsureValidatorAsync();
        Validation = await ValidateAsync(ManifestDirectory);
        var report = JsonNode.Parse(Validation.Output[..(Validation.Output.LastIndexOf('}') + 1)])!;
        Documents = report["documents"]!.AsArray().Select(d => d!.AsObject()).ToList();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static Task<CommandLine.Result> ValidateAsync(string folder) =>
        CommandLine.RunAsync("node", ["validate.mjs", folder], ValidatorDirectory);

    /// <summary>The one object of that kind (the manifests hold one of each).</summary>
    public JsonObject Single(string kind) => Documents.Single(d => (string?)d["kind"] == kind)["object"]!.AsObject();

    private static async Task EnsureValidatorAsync()
    {
        if (File.Exists(Path.Combine(ValidatorDirectory, "node_modules", "kubernetes-models", "package.json")))
        {
            return;
        }

        var install = await CommandLine.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], ValidatorDirectory);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in deploy/k8s-validate failed: {install}");
        }
    }
}
