using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lotte.Core.ApiKeys;
using Lotte.Testing;

namespace Lotte.EndToEnd;

/// <summary>
/// The dashboard as a real process with the demo experiments seeded but no simulated traffic, so a
/// test's own events (sent through the real API) are the only ones, plus an API key to send them.
/// </summary>
public sealed class DemoDashboard : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public DashboardProcess App { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        App = await DashboardProcess.StartAsync(Database.ConnectionString, new Dictionary<string, string>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Traffic"] = "false",
        });
        var key = await new ApiKeyService(Database.CreateContextFactory(), TimeProvider.System)
            .CreateAsync("e2e", ApiKeyScopes.Assign | ApiKeyScopes.Ingest, "tests");
        Api = App.CreateClient();
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    public Uri Url(string path) => new(App.BaseAddress, path);

    /// <summary>Sends exposures (and some contracts and errors) of new units through the real events API.</summary>
    public async Task SendTrafficAsync(string experimentKey, int batch, int productionUnits, int stagingUnits, DateTimeOffset occurredAt)
    {
        var at = occurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var events = new List<object>();
        for (var i = 0; i < productionUnits + stagingUnits; i++)
        {
            var arm = i < productionUnits ? "production" : "staging";
            var unit = $"b{batch}-u{i}";
            events.Add(new { eventId = $"{unit}-x", type = "exposure", unitId = unit, arm, occurredAt = at });
            if (i % 10 == 0)
            {
                events.Add(new { eventId = $"{unit}-c", type = "conversion", unitId = unit, occurredAt = at, value = 300_000_000 });
            }

            if (i % 50 == 0)
            {
                events.Add(new { eventId = $"{unit}-e", type = "error", arm, errorKind = "timeout", occurredAt = at });
            }
        }

        using var response = await Api.PostAsJsonAsync($"api/v1/experiments/{experimentKey}/events", new { events });
        response.EnsureSuccessStatusCode();
    }
}
