using System.Globalization;
using System.Net.Http.Json;

namespace Lotte.CircuitMemory;

/// <summary>Serving traffic through the real events API: new units' exposures, some contracts and some serving errors.</summary>
public sealed class EventTraffic(HttpClient api, string experimentKey)
{
    /// <summary>One batch of <paramref name="units"/> new units (a tenth on Staging), stamped now.</summary>
    public async Task SendAsync(int batch, int units)
    {
        var at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var events = new List<object>();
        for (var i = 0; i < units; i++)
        {
            var unit = $"viewer-load-{batch}-{i}";
            var arm = i % 10 == 0 ? "staging" : "production";
            events.Add(new { eventId = unit + "-exposure", type = "exposure", unitId = unit, arm, occurredAt = at });
            if (i % 20 == 3)
            {
                events.Add(new { eventId = unit + "-contract", type = "conversion", unitId = unit, occurredAt = at, value = 310_000_000 });
            }

            if (i % 100 == 7)
            {
                events.Add(new { eventId = unit + "-error", type = "error", arm, errorKind = "timeout", occurredAt = at });
            }
        }

        using var response = await api.PostAsJsonAsync($"api/v1/experiments/{experimentKey}/events", new { events });
        response.EnsureSuccessStatusCode();
    }
}
