using System.Text.Json.Nodes;
using Lotte.Testing;

namespace Lotte.IntegrationTests.Deploy;

/// <summary>
/// The Kubernetes manifests: valid against the API schemas, and consistent with each other, with the app (probe paths,
/// port, the migrate command) and with the Dockerfile.
/// </summary>
public class KubernetesManifestTests(KubernetesManifests manifests) : IClassFixture<KubernetesManifests>
{
    private const string PodLabel = "app.kubernetes.io/name";

    [Fact]
    public void Validate_EveryManifest_MatchesTheKubernetesSchemas()
    {
        Assert.True(manifests.Validation.ExitCode == 0, manifests.Validation.ToString());
        Assert.All(manifests.Documents, d => Assert.Null((string?)d["error"]));
        Assert.Equal(
            ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job", "Namespace", "PodDisruptionBudget", "Secret", "Service"],
            manifests.Documents.Select(d => (string)d["kind"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Validate_ManifestWithAWrongType_IsRejected()
    {
        var folder = Directory.CreateTempSubdirectory("lotte-k8s-");
        try
        {
            var deployment = await File.ReadAllTextAsync(Path.Combine(KubernetesManifests.ManifestDirectory, "deployment.yaml"), TestContext.Current.CancellationToken);
            var broken = deployment.Replace("containerPort: 8080", "containerPort: eighty", StringComparison.Ordinal);
            Assert.NotEqual(deployment, broken);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "deployment.yaml"), broken, TestContext.Current.CancellationToken);

            var result = await KubernetesManifests.ValidateAsync(folder.FullName);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("containerPort must be integer", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Deployment_TwoNonRootReplicasWithProbesAndResources()
    {
        var spec = manifests.Single("Deployment")["spec"]!;
        var pod = spec["template"]!["spec"]!;
        var container = Container(pod);

        Assert.True((int)spec["replicas"]! >= 2);
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.NotEqual(0, (int)pod["securityContext"]!["runAsUser"]!);
        Assert.False((bool)container["securityContext"]!["allowPrivilegeEscalation"]!);
        Assert.Equal("/health/live", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/health/ready", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.NotNull(container["resources"]![kind]!["cpu"]);
            Assert.NotNull(container["resources"]![kind]!["memory"]);
        }
    }

    [Fact]
    public async Task Deployment_ProbePathsAndMetricsPath_AnswerInTheApp()
    {
        var pod = manifests.Single("Deployment")["spec"]!["template"]!;
        var container = Container(pod["spec"]!);
        string[] paths =
        [
            (string)container["livenessProbe"]!["httpGet"]!["path"]!,
            (string)container["readinessProbe"]!["httpGet"]!["path"]!,
            (string)container["startupProbe"]!["httpGet"]!["path"]!,
            (string)pod["metadata"]!["annotations"]!["prometheus.io/path"]!,
        ];
        await using var database = await TestDatabase.CreateAsync();
        await using var dashboard = await DashboardProcess.StartAsync(database.ConnectionString);
        using var client = dashboard.CreateClient();

        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Ports_ContainerServiceScrapeAndDockerfile_Agree()
    {
        var pod = manifests.Single("Deployment")["spec"]!["template"]!;
        var container = Container(pod["spec"]!);
        var port = container["ports"]!.AsArray().Single()!;
        var servicePort = manifests.Single("Service")["spec"]!["ports"]!.AsArray().Single()!;
        var dockerfile = await File.ReadAllTextAsync(RepositoryRoot.Combine("Dockerfile"), TestContext.Current.CancellationToken);

        Assert.Equal(8080, (int)port["containerPort"]!);
        Assert.Equal((string?)port["name"], (string?)servicePort["targetPort"]);
        Assert.Equal("8080", (string?)pod["metadata"]!["annotations"]!["prometheus.io/port"]);
        Assert.Equal("8080", (string?)container["env"]!.AsArray().Single(e => (string?)e!["name"] == "ASPNETCORE_HTTP_PORTS")!["value"]);
        Assert.Contains("EXPOSE 8080", dockerfile, StringComparison.Ordinal);
        Assert.Contains("USER $APP_UID", dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Selectors_ServicePdbAndHpa_TargetTheDeploymentsPods()
    {
        var deployment = manifests.Single("Deployment");
        var name = (string)deployment["metadata"]!["name"]!;
        var podLabel = (string)deployment["spec"]!["template"]!["metadata"]!["labels"]![PodLabel]!;
        var hpa = manifests.Single("HorizontalPodAutoscaler")["spec"]!;
        var metrics = hpa["metrics"]!.AsArray();

        Assert.Equal(podLabel, (string?)deployment["spec"]!["selector"]!["matchLabels"]![PodLabel]);
        Assert.Equal(podLabel, (string?)manifests.Single("Service")["spec"]!["selector"]![PodLabel]);
        Assert.Equal(podLabel, (string?)manifests.Single("PodDisruptionBudget")["spec"]!["selector"]!["matchLabels"]![PodLabel]);
        Assert.Equal("Deployment", (string?)hpa["scaleTargetRef"]!["kind"]);
        Assert.Equal(name, (string?)hpa["scaleTargetRef"]!["name"]);
        Assert.True((int)hpa["minReplicas"]! >= 2);
        Assert.Contains(metrics, m => (string?)m!["type"] == "Resource" && (string?)m["resource"]!["name"] == "cpu");
        Assert.Contains(metrics, m => (string?)m!["type"] == "Pods" && (string?)m["pods"]!["metric"]!["name"] == "http_requests_per_second");
    }

    [Fact]
    public void Ingress_RoutesToTheServiceWithCookieAffinity()
    {
        var ingress = manifests.Single("Ingress");
        var annotations = ingress["metadata"]!["annotations"]!;
        var backend = ingress["spec"]!["rules"]!.AsArray().Single()!["http"]!["paths"]!.AsArray().Single()!["backend"]!["service"]!;
        var service = manifests.Single("Service");

        Assert.Equal("cookie", (string?)annotations["nginx.ingress.kubernetes.io/affinity"]);
        Assert.Equal("persistent", (string?)annotations["nginx.ingress.kubernetes.io/affinity-mode"]);
        Assert.False(string.IsNullOrEmpty((string?)annotations["nginx.ingress.kubernetes.io/session-cookie-name"]));
        Assert.Equal((string?)service["metadata"]!["name"], (string?)backend["name"]);
        Assert.Equal((string?)service["spec"]!["ports"]![0]!["name"], (string?)backend["port"]!["name"]);
    }

    [Fact]
    public void MigrationJob_RunsTheMigrateCommandOfTheSameImageWithTheSameSettings()
    {
        var deploymentContainer = Container(manifests.Single("Deployment")["spec"]!["template"]!["spec"]!);
        var pod = manifests.Single("Job")["spec"]!["template"]!["spec"]!;
        var job = Container(pod);

        Assert.Equal(["migrate"], job["args"]!.AsArray().Select(a => (string)a!));
        Assert.Equal((string?)deploymentContainer["image"], (string?)job["image"]);
        Assert.Equal("Never", (string?)pod["restartPolicy"]);
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.Equal(deploymentContainer["envFrom"]!.ToJsonString(), job["envFrom"]!.ToJsonString());
    }

    [Fact]
    public void ConfigMapAndSecret_UseEnvironmentNamesAndKeepSecretsOutOfTheConfigMap()
    {
        var config = manifests.Single("ConfigMap")["data"]!.AsObject().Select(p => p.Key).ToList();
        var secret = manifests.Single("Secret")["stringData"]!.AsObject().Select(p => p.Key).ToList();

        Assert.All(config.Concat(secret), key => Assert.DoesNotContain(":", key, StringComparison.Ordinal));
        Assert.Contains("ConnectionStrings__Lotte", secret);
        Assert.Contains("Auth__Oidc__ClientSecret", secret);
        Assert.Contains("Privacy__PseudonymKey", secret);
        Assert.Contains(secret, key => key.StartsWith("Privacy__EncryptionKeys__", StringComparison.Ordinal));
        Assert.DoesNotContain(config, key => secret.Contains(key) || key.Contains("Secret", StringComparison.Ordinal) || key.Contains("Key__", StringComparison.Ordinal));
        Assert.Equal("false", (string?)manifests.Single("ConfigMap")["data"]!["Database__MigrateOnStart"]);
    }

    private static JsonNode Container(JsonNode podSpec) => podSpec["containers"]!.AsArray().Single()!;
}
