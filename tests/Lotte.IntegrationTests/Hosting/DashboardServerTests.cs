using System.Net;
using Lotte.Core.Demo;
using Lotte.Testing;

namespace Lotte.IntegrationTests.Hosting;

/// <summary>The built dashboard as a real process on Kestrel, against a fresh database it migrates and seeds itself.</summary>
public sealed class DashboardServerTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DashboardProcess _dashboard = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(migrate: false);
        _dashboard = await DashboardProcess.StartAsync(_database.ConnectionString, new Dictionary<string, string>
        {
            ["Database:MigrateOnStart"] = "true",
            ["Demo:Enabled"] = "true",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task GetExperimentsPage_FreshDatabase_ListsBothDemoExperiments()
    {
        using var client = await DevSignIn.ClientAsync(_dashboard.BaseAddress, "viewer");

        var html = await client.GetStringAsync(new Uri("experiments", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains(DemoSeeder.BetterStagingKey, html, StringComparison.Ordinal);
        Assert.Contains(DemoSeeder.FailingStagingKey, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetExperimentsPage_AnonymousBrowser_RedirectsToSignIn_AnonymousScriptGets401()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _dashboard.BaseAddress };
        using var browser = new HttpRequestMessage(HttpMethod.Get, "experiments") { Headers = { { "Accept", "text/html" } } };

        using var navigation = await client.SendAsync(browser, TestContext.Current.CancellationToken);
        using var script = await client.GetAsync(new Uri("experiments", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, navigation.StatusCode);
        Assert.StartsWith("/account/login", navigation.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, script.StatusCode);
    }

    [Theory]
    [InlineData("css/app.css", "text/css")]
    [InlineData("_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("_content/MudBlazor/MudBlazor.min.js", "text/javascript")]
    [InlineData("lib/apexcharts/apexcharts.min.js", "text/javascript")]
    [InlineData("_framework/blazor.web.js", "text/javascript")]
    public async Task GetStaticAsset_FromRootWebRoot_IsServed(string path, string contentType)
    {
        using var client = _dashboard.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetLive_IsHealthy()
    {
        using var client = _dashboard.CreateClient();

        var body = await client.GetStringAsync(new Uri("health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task GetReady_WithDatabaseUp_ReportsPostgresAndTheBuiltInRegistryHealthy()
    {
        using var client = _dashboard.CreateClient();

        var body = await client.GetStringAsync(new Uri("health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        using var report = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("postgresql").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("model-registry").GetProperty("status").GetString());
        Assert.StartsWith("built-in:", checks.GetProperty("model-registry").GetProperty("description").GetString());
    }

    [Fact]
    public async Task GetUnknownPage_IsNotFoundWithAFriendlyPage()
    {
        using var client = await DevSignIn.ClientAsync(_dashboard.BaseAddress, "viewer");

        using var browser = new HttpRequestMessage(HttpMethod.Get, "no-such-page") { Headers = { { "Accept", "text/html" } } };
        using var response = await client.SendAsync(browser, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
