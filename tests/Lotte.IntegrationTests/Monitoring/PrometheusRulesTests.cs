using Lotte.Testing;

namespace Lotte.IntegrationTests.Monitoring;

/// <summary>The alert rules in deploy/prometheus: valid for Prometheus, and their unit tests (firing and quiet cases) pass.</summary>
public class PrometheusRulesTests
{
    private static readonly string RulesDirectory = RepositoryRoot.Combine("deploy", "prometheus");

    [Fact]
    public async Task CheckRules_AlertsFile_IsValidAndHasEveryAlert()
    {
        var result = await CommandLine.RunAsync(PrometheusTools.Promtool, ["check", "rules", "alerts.yml"], RulesDirectory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS: 7 rules found", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRules_AlertsTestFile_EveryCasePasses()
    {
        var result = await CommandLine.RunAsync(PrometheusTools.Promtool, ["test", "rules", "alerts.test.yml"], RulesDirectory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRules_RuleThatIgnoresThePolicyLimit_FailsTheUnitTests()
    {
        // The unit tests must be able to fail: a rule with the limit hard-coded fires for the lenient experiment too.
        var copy = Directory.CreateTempSubdirectory("lotte-rules-");
        try
        {
            var rules = await File.ReadAllTextAsync(Path.Combine(RulesDirectory, "alerts.yml"), TestContext.Current.CancellationToken);
            var hardCoded = rules.Replace(
                "> on (experiment, model) max by (experiment, model) (lotte_experiment_max_staging_error_rate)", "> 0.01", StringComparison.Ordinal);
            Assert.NotEqual(rules, hardCoded);
            await File.WriteAllTextAsync(Path.Combine(copy.FullName, "alerts.yml"), hardCoded, TestContext.Current.CancellationToken);
            File.Copy(Path.Combine(RulesDirectory, "alerts.test.yml"), Path.Combine(copy.FullName, "alerts.test.yml"));

            var result = await CommandLine.RunAsync(PrometheusTools.Promtool, ["test", "rules", "alerts.test.yml"], copy.FullName);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("experiment=\"lenient\"", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }
}
