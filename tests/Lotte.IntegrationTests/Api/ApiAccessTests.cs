using System.Net;
using System.Net.Http.Json;
using Lotte.Core.ApiKeys;

namespace Lotte.IntegrationTests.Api;

/// <summary>Services authenticate with API keys: no key → 401, wrong scope → 403, revoked → 401; nothing changes.</summary>
public class ApiAccessTests(ApiHost host) : IClassFixture<ApiHost>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("lotte_notarealkey_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("garbage")]
    public async Task PostEvents_WithoutAValidKey_Is401ProblemAndStoresNothing(string? token)
    {
        var experiment = await host.AddExperimentAsync($"access-{Guid.NewGuid():N}");
        using var client = host.App.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        using var response = await host.PostEventsAsync(experiment.Key, [WireEvents.Exposure("e", "u", "production", DateTimeOffset.UtcNow)], client);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        await AssertNothingStoredAsync(experiment.Id);
    }

    [Fact]
    public async Task PostEvents_WithAnAssignOnlyKey_Is403ProblemAndStoresNothing()
    {
        var experiment = await host.AddExperimentAsync("access-scope");
        using var client = host.Client(await host.CreateKeyAsync(ApiKeyScopes.Assign));

        using var response = await host.PostEventsAsync(experiment.Key, [WireEvents.Exposure("e", "u", "production", DateTimeOffset.UtcNow)], client);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(experiment.Id);
    }

    [Fact]
    public async Task Assign_WithAnIngestOnlyKey_Is403()
    {
        var experiment = await host.AddExperimentAsync("access-assign-scope");
        using var client = host.Client(await host.CreateKeyAsync(ApiKeyScopes.Ingest));

        using var response = await client.PostAsJsonAsync($"api/v1/experiments/{experiment.Key}/assignments", new { unitId = "u" }, _ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Authenticate_ForgedTokenWithAValidPrefixAfterTheRealOne_IsRefusedAndTheRealOneStillWorks()
    {
        var keys = host.Keys();
        var created = await keys.CreateAsync("forged-prefix", ApiKeyScopes.Assign, "tests", _ct);
        var forged = created.Token[..^4] + (created.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var real = await keys.AuthenticateAsync(created.Token, _ct);
        var fake = await keys.AuthenticateAsync(forged, _ct);
        var realAgain = await keys.AuthenticateAsync(created.Token, _ct);

        Assert.Equal(created.Identity.Prefix, real?.Prefix);
        Assert.Null(fake);
        Assert.Equal(created.Identity.Prefix, realAgain?.Prefix);
    }

    [Fact]
    public async Task PostEvents_WithARevokedKey_Is401WithinTheKeyCacheLifetime()
    {
        var experiment = await host.AddExperimentAsync("access-revoked");
        var created = await host.Keys().CreateAsync("to-revoke", ApiKeyScopes.Ingest, "tests", _ct);
        using var client = host.Client(created.Token);
        using (var before = await host.PostEventsAsync(experiment.Key, [WireEvents.Exposure("e1", "u", "production", DateTimeOffset.UtcNow)], client))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Assert.True(await host.Keys().RevokeAsync(created.Identity.Prefix, "tests", _ct));
        await Task.Delay(ApiKeyService.CacheDuration + TimeSpan.FromMilliseconds(200), _ct);
        using var after = await host.PostEventsAsync(experiment.Key, [WireEvents.Exposure("e2", "u", "production", DateTimeOffset.UtcNow)], client);

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterIngestion_ExposePerExperimentAndArmCountersInPrometheusFormat()
    {
        var experiment = await host.AddExperimentAsync("access-metrics");
        using (var stored = await host.PostEventsAsync(experiment.Key,
            [WireEvents.Exposure("m1", "u1", "staging", DateTimeOffset.UtcNow), WireEvents.Exposure("m1", "u1", "staging", DateTimeOffset.UtcNow)]))
        {
            stored.EnsureSuccessStatusCode();
        }

        using var client = host.App.CreateClient();
        var metrics = await client.GetStringAsync("metrics", _ct);

        Assert.Matches("lotte_events_total\\{[^}]*experiment=\"access-metrics\"[^}]*\\} 1", metrics);
        Assert.Contains("outcome=\"accepted\"", metrics, StringComparison.Ordinal);
        Assert.Contains("lotte_ingestion_duration_seconds_bucket", metrics, StringComparison.Ordinal);
    }

    private async Task AssertNothingStoredAsync(Guid experimentId)
    {
        await using var db = host.Database.CreateContext();
        Assert.False(db.RawEvents.Any(e => e.ExperimentId == experimentId));
    }
}
