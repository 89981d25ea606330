using System.Net;
using Lotte.Testing;

namespace Lotte.IntegrationTests.Hosting;

/// <summary>Readiness follows PostgreSQL; liveness does not, so a database outage takes replicas out of the Service without restarting them.</summary>
public class ReadinessTests
{
    [Fact]
    public async Task GetHealth_DatabaseGone_ReadyIsUnavailableLiveStaysHealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var dashboard = await DashboardProcess.StartAsync(database.ConnectionString);
        using var client = dashboard.CreateClient();
        using (var before = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await database.DisposeAsync(); // drops the database, closing the dashboard's connections

        using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
        using var live = await client.GetAsync(new Uri("health/live", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync(ct));
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task GetReady_MlflowUnreachable_IsDegradedButStaysInService()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var dashboard = await DashboardProcess.StartAsync(database.ConnectionString, new Dictionary<string, string>
        {
            ["ModelRegistry:Provider"] = "Mlflow",
            ["ModelRegistry:Mlflow:TrackingUri"] = $"http://127.0.0.1:{FreePort.Next()}/", // nothing listens there
            ["ModelRegistry:Mlflow:AttemptTimeout"] = "00:00:01",
        });
        using var client = dashboard.CreateClient();

        using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync(ct));
        Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
        var registry = report.RootElement.GetProperty("checks").GetProperty("model-registry");
        Assert.Equal("Degraded", registry.GetProperty("status").GetString());
        Assert.StartsWith("mlflow:", registry.GetProperty("description").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
    }
}
