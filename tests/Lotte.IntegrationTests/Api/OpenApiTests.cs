using System.Text.Json;

namespace Lotte.IntegrationTests.Api;

public class OpenApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task OpenApiDocument_DescribesTheServiceEndpoints()
    {
        using var client = host.App.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json", TestContext.Current.CancellationToken));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/experiments/{key}/events", out var events));
        Assert.True(events.GetProperty("post").GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(paths.TryGetProperty("/api/v1/experiments/{key}/assignments", out _));
        Assert.True(paths.TryGetProperty("/api/v1/experiments/{key}/config", out _));
    }
}
