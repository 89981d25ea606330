using System.Text.Json;
using Lotte.Testing;

namespace Lotte.Dashboard.Tests.Build;

/// <summary>
/// apexcharts 5.0 and later is not MIT-licensed: the product must stay on 4.x (pinned 4.7.0).
/// The build also refuses any other major version; these tests guard the committed manifests.
/// </summary>
public class ApexChartsLicenceTests
{
    [Fact]
    public void PackageJson_PinsApexChartsExactly_4_7_0()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("package.json")));

        Assert.Equal("4.7.0", manifest.RootElement.GetProperty("dependencies").GetProperty("apexcharts").GetString());
    }

    [Fact]
    public void PackageLock_ResolvesApexCharts4xUnderMit()
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("package-lock.json")));
        var resolved = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/apexcharts");

        Assert.StartsWith("4.", resolved.GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.Equal("MIT", resolved.GetProperty("license").GetString());
    }

    [Fact]
    public void ServedLibrary_IsApexCharts4x()
    {
        using var served = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("wwwroot", "lib", "apexcharts", "package.json")));

        Assert.StartsWith("4.", served.RootElement.GetProperty("version").GetString(), StringComparison.Ordinal);
    }
}
