using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
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
    public async Task PublishedFolder_StartedFromItselfInProduction_ServesAssetsAndReadsRootSettings()
    {
        var ct = TestContext.Current.CancellationToken;
        var publishedSettings = Path.Combine(_outputFolder, "appsettings.json");
        Assert.Equal(await File.ReadAllTextAsync(RepositoryRoot.Combine("appsettings.json"), ct), await File.ReadAllTextAsync(publishedSettings, ct));

        // Proof that the app reads that file: the connection string is set only there, and readiness needs it.
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(publishedSettings, ct))!;
        settings["ConnectionStrings"]!["Lotte"] = _database.ConnectionString;
        await File.WriteAllTextAsync(publishedSettings, settings.ToJsonString(), ct);

        // Production refuses to start without OpenID Connect; the provider is only contacted at the first sign-in.
        await using var app = await DashboardProcess.StartAsync(Path.Combine(_outputFolder, "Lotte.Dashboard.dll"), connectionString: "",
            settings: new Dictionary<string, string>
            {
                ["Auth:Oidc:Authority"] = "http://127.0.0.1:9/", ["Auth:Oidc:ClientId"] = "lotte-dashboard", ["Auth:Oidc:ClientSecret"] = "not-used-here",
                ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            },
            environment: "Production", workingDirectory: _outputFolder);
        using var client = app.CreateClient();

        using var ready = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("health/ready", UriKind.Relative), ct));
        Assert.Equal("Healthy", ready.RootElement.GetProperty("status").GetString());
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
