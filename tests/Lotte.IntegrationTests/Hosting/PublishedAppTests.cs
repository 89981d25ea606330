using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Lotte.Core.Demo;
using Lotte.Testing;

namespace Lotte.IntegrationTests.Hosting;

/// <summary>
/// `dotnet publish src/Dashboard -c Release -o out`, started from out/: it serves the page with its CSS
/// and MudBlazor assets and reads the root appsettings.json that was published with it.
/// </summary>
public sealed class PublishedAppTests : IAsyncLifetime
{
    private readonly string _outputFolder = Directory.CreateTempSubdirectory("lotte-publish-").FullName;
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await PublishAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_outputFolder, recursive: true);
    }

    [Fact]
    public async Task PublishedFolder_StartedFromItself_ServesPageAssetsAndReadsRootSettings()
    {
        var ct = TestContext.Current.CancellationToken;
        var publishedSettings = Path.Combine(_outputFolder, "appsettings.json");
        Assert.Equal(await File.ReadAllTextAsync(RepositoryRoot.Combine("appsettings.json"), ct), await File.ReadAllTextAsync(publishedSettings, ct));

        // Proof that the app reads that file: the connection string and the demo switch are set only there.
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(publishedSettings, ct))!;
        settings["ConnectionStrings"]!["Lotte"] = _database.ConnectionString;
        settings["Demo"]!["Enabled"] = true;
        await File.WriteAllTextAsync(publishedSettings, settings.ToJsonString(), ct);

        await using var app = await DashboardProcess.StartAsync(Path.Combine(_outputFolder, "Lotte.Dashboard.dll"), connectionString: "",
            settings: null, environment: "Production", workingDirectory: _outputFolder);
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(new Uri("experiments", UriKind.Relative), ct);
        Assert.Contains(DemoSeeder.BetterStagingKey, html, StringComparison.Ordinal);
        foreach (var asset in new[] { "css/app.css", "_content/MudBlazor/MudBlazor.min.css", "_content/MudBlazor/MudBlazor.min.js", "lib/apexcharts/apexcharts.min.js" })
        {
            using var response = await client.GetAsync(new Uri(asset, UriKind.Relative), ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {response.StatusCode}");
        }
    }

    private async Task PublishAsync()
    {
        var info = new ProcessStartInfo("dotnet", ["publish", RepositoryRoot.Combine("src", "Dashboard"), "-c", "Release", "-o", _outputFolder, "--nologo"])
        {
            RedirectStandardOutput = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{output}");
    }
}
