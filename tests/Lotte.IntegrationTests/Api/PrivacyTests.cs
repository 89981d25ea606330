using System.Net;
using System.Text;
using Lotte.Testing;

namespace Lotte.IntegrationTests.Api;

/// <summary>Unit ids are personal data: after ingesting them, neither a database dump nor the logs may contain them.</summary>
public class PrivacyTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task IngestAndAssign_KnownUnitIdsAndAttributes_NeverAppearInDatabaseDumpOrLogs()
    {
        var experiment = await host.AddExperimentAsync("privacy");
        var marker = Guid.NewGuid().ToString("N")[..10];
        string[] unitIds = [$"cust-{marker}-0001", $"고객-{marker}-0002", $"broker-{marker}-0003"];
        var phone = $"010-{marker[..4]}-{marker[4..8]}";
        var address = $"서울시 {marker} 아파트";
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var client = host.Client();

        await AssignmentClient.AssignAsync(client, experiment.Key, unitIds);
        using (var response = await host.PostEventsAsync(experiment.Key,
        [
            WireEvents.Exposure("p1", unitIds[0], "production", at),
            WireEvents.Exposure("p2", unitIds[1], "staging", at),
            WireEvents.Conversion("p3", unitIds[1], at.AddSeconds(5), 250_000_000, new { phone, address }),
            WireEvents.Conversion("p4", unitIds[2], at.AddSeconds(6), 1_000),
            new { eventId = "p5", type = "exposure", unitId = unitIds[2], occurredAt = "not a time" },
        ], client))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.DoesNotContain(unitIds[2], await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using (var accepted = await host.PostEventsAsync(experiment.Key,
        [
            WireEvents.Exposure("p1", unitIds[0], "production", at),
            WireEvents.Exposure("p2", unitIds[1], "staging", at),
            WireEvents.Conversion("p3", unitIds[1], at.AddSeconds(5), 250_000_000, new { phone, address }),
            WireEvents.Conversion("p4", unitIds[2], at.AddSeconds(6), 1_000),
        ], client))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await host.WaitForProjectionAsync(); // units and statistics are in the dump too

        var dump = await PostgresTools.DumpAsync(host.Database.ConnectionString);
        var logs = string.Join('\n', host.App.Output);
        Assert.Contains("raw_events", dump, StringComparison.Ordinal);
        Assert.Contains("p3", dump, StringComparison.Ordinal); // the events are there...
        Assert.Contains("Now listening on", logs, StringComparison.Ordinal); // and the logs were captured
        foreach (var secret in unitIds.Append(phone).Append(address).Append(marker))
        {
            // ...but no trace of the people: neither as text nor as the hex of their UTF-8 bytes (bytea).
            var hex = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(secret));
            Assert.DoesNotContain(secret, dump, StringComparison.Ordinal);
            Assert.DoesNotContain(hex, dump, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
