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
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
