using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotte.Core.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Api;

/// <summary>The event batch API over real HTTP, against the real PostgreSQL.</summary>
public class EventsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-30);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostEvents_ValidBatch_CountsUnitsConversionsValueRequestsAndErrorsPerArm()
    {
        var experiment = await host.AddExperimentAsync("events-basic");
        object[] events =
        [
            WireEvents.Exposure("e1", "u1", "production", Start.AddMinutes(1)),
            WireEvents.Exposure("e2", "u1", "production", Start.AddMinutes(2)),
            WireEvents.Exposure("e3", "u2", "staging", Start.AddMinutes(1)),
            WireEvents.Conversion("e4", "u2", Start.AddMinutes(3), 300_000_000),
            WireEvents.Conversion("e5", "u2", Start.AddMinutes(4), 100_000_000),
            WireEvents.Error("e6", "staging", Start.AddMinutes(2)),
        ];

        using var response = await host.PostEventsAsync(experiment.Key, events);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new EventCounts(6, 0), await response.Content.ReadFromJsonAsync<EventCounts>(_ct));
        await host.WaitForProjectionAsync();
        var counts = await ArmCounts.ReadAsync(host.Database, experiment.Id);
        Assert.Equal(new ArmCounts(1, 0, 2, 0, 0, 0), counts[Arm.Production]);
        // One converted unit with two contracts: the rate counts it once, its value counts both.
        Assert.Equal(new ArmCounts(1, 1, 2, 1, 400_000_000, 400_000_000d * 400_000_000d), counts[Arm.Staging]);
    }

    [Fact]
    public async Task PostEvents_SameTenThousandEventBatchReplayedThreeTimesAndConcurrently_ChangesNoCount()
    {
        var experiment = await host.AddExperimentAsync("events-replay");
        var batch = Enumerable.Range(0, 10_000).Select(i => (i % 4) switch
        {
            0 or 1 => WireEvents.Exposure($"r{i}", $"unit-{i / 4}", i / 4 % 10 == 0 ? "staging" : "production", Start.AddSeconds(i % 1_500)),
            2 => WireEvents.Conversion($"r{i}", $"unit-{i / 4}", Start.AddSeconds(1_600 + (i % 100)), 1_000 + i),
            _ => WireEvents.Error($"r{i}", i % 8 == 3 ? "staging" : "production", Start.AddSeconds(i % 1_500)),
        }).ToArray();

        using (var first = await host.PostEventsAsync(experiment.Key, batch))
        {
            Assert.Equal(new EventCounts(10_000, 0), await first.Content.ReadFromJsonAsync<EventCounts>(_ct));
        }

        await host.WaitForProjectionAsync();
        var countsAfterFirst = await ArmCounts.ReadAsync(host.Database, experiment.Id);
        for (var i = 0; i < 3; i++)
        {
            using var again = await host.PostEventsAsync(experiment.Key, batch);
            Assert.Equal(new EventCounts(0, 10_000), await again.Content.ReadFromJsonAsync<EventCounts>(_ct));
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.PostEventsAsync(experiment.Key, batch)));
        Assert.All(concurrent, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await host.WaitForProjectionAsync();

        Assert.Equal(countsAfterFirst, await ArmCounts.ReadAsync(host.Database, experiment.Id));
        await using var db = host.Database.CreateContext();
        Assert.Equal(10_000, await db.RawEvents.CountAsync(e => e.ExperimentId == experiment.Id, _ct));
        Assert.Equal(2_500, await db.Units.CountAsync(u => u.ExperimentId == experiment.Id, _ct));
        var totals = await db.IngestionTotals.SingleAsync(t => t.ExperimentId == experiment.Id, _ct);
        Assert.Equal(10_000, totals.EventsAccepted);
        Assert.Equal(60_000, totals.EventsDuplicate);
    }

    [Fact]
    public async Task PostEvents_OneBadEventInBatch_422NamesItsIndexAndReasonAndStoresNothing()
    {
        var experiment = await host.AddExperimentAsync("events-one-bad");
        object[] events =
        [
            WireEvents.Exposure("ok-1", "u1", "production", Start),
            new { eventId = "bad-1", type = "conversion", unitId = "u1", occurredAt = WireEvents.At(Start), value = 12.5 },
            WireEvents.Exposure("ok-2", "u2", "staging", Start),
        ];

        using var response = await host.PostEventsAsync(experiment.Key, events);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await host.WaitForProjectionAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, error.GetProperty("index").GetInt32());
        Assert.Equal("bad-1", error.GetProperty("eventId").GetString());
        Assert.Contains("whole number of won", error.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        await using var db = host.Database.CreateContext();
        Assert.False(await db.RawEvents.AnyAsync(e => e.ExperimentId == experiment.Id, _ct));
        Assert.False(await db.Units.AnyAsync(u => u.ExperimentId == experiment.Id, _ct));
        Assert.False(await db.ArmStatistics.AnyAsync(b => b.ExperimentId == experiment.Id, _ct));
    }

    [Fact]
    public async Task PostEvents_ConversionBeforeExposureAndOfUnknownUnit_AreStoredUnattributedAndNotInARate()
    {
        var experiment = await host.AddExperimentAsync("events-unattributed");
        object[] events =
        [
            WireEvents.Conversion("c-early", "u1", Start.AddMinutes(1), 500),
            WireEvents.Exposure("x-1", "u1", "staging", Start.AddMinutes(2)),
            WireEvents.Conversion("c-never", "ghost", Start.AddMinutes(3), 700),
        ];

        using var response = await host.PostEventsAsync(experiment.Key, events);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.WaitForProjectionAsync();
        var staging = (await ArmCounts.ReadAsync(host.Database, experiment.Id))[Arm.Staging];
        Assert.Equal(1, staging.ExposedUnits);
        Assert.Equal(0, staging.ConvertedUnits);
        Assert.Equal(0m, staging.ValueSum);
        await using var db = host.Database.CreateContext();
        Assert.Equal(2, (await db.IngestionTotals.SingleAsync(t => t.ExperimentId == experiment.Id, _ct)).UnattributedConversions);
        Assert.Equal(2, await db.RawEvents.CountAsync(e => e.ExperimentId == experiment.Id && e.Type == Core.Ingestion.EventType.Conversion, _ct));
    }

    [Fact]
    public async Task PostEvents_ExposureArrivingAfterItsConversion_ReattributesTheConversion()
    {
        var experiment = await host.AddExperimentAsync("events-late-exposure");
        using (var conversionFirst = await host.PostEventsAsync(experiment.Key, [WireEvents.Conversion("c-1", "u1", Start.AddMinutes(5), 900)]))
        {
            Assert.Equal(HttpStatusCode.OK, conversionFirst.StatusCode);
        }

        using var exposureLater = await host.PostEventsAsync(experiment.Key, [WireEvents.Exposure("x-1", "u1", "production", Start.AddMinutes(1))]);

        Assert.Equal(HttpStatusCode.OK, exposureLater.StatusCode);
        await host.WaitForProjectionAsync();
        var production = (await ArmCounts.ReadAsync(host.Database, experiment.Id))[Arm.Production];
        Assert.Equal(new ArmCounts(1, 1, 1, 0, 900, 810_000), production);
        await using var db = host.Database.CreateContext();
        Assert.Equal(0, (await db.IngestionTotals.SingleAsync(t => t.ExperimentId == experiment.Id, _ct)).UnattributedConversions);
    }

    [Fact]
    public async Task PostEvents_UnitExposedInBothArms_CountsOnceInItsFirstArmAndIsFlagged()
    {
        var experiment = await host.AddExperimentAsync("events-both-arms");

        using var response = await host.PostEventsAsync(experiment.Key,
        [
            WireEvents.Exposure("x-1", "u1", "production", Start.AddMinutes(1)),
            WireEvents.Exposure("x-2", "u1", "staging", Start.AddMinutes(2)),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.WaitForProjectionAsync();
        var counts = await ArmCounts.ReadAsync(host.Database, experiment.Id);
        Assert.Equal(1, counts[Arm.Production].ExposedUnits);
        Assert.Equal(0, counts[Arm.Staging].ExposedUnits);
        Assert.Equal(1, counts[Arm.Staging].Requests);
        await using var db = host.Database.CreateContext();
        Assert.Equal(1, (await db.IngestionTotals.SingleAsync(t => t.ExperimentId == experiment.Id, _ct)).UnitsInBothArms);
    }

    [Fact]
    public async Task PostEvents_UnknownExperiment_Is404Problem()
    {
        using var response = await host.PostEventsAsync("no-such-experiment", [WireEvents.Exposure("e", "u", "production", Start)]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostEvents_ExperimentNotRunning_Is409ProblemWithItsStatus()
    {
        var draft = await host.AddExperimentAsync("events-draft", start: false);

        using var response = await host.PostEventsAsync(draft.Key, [WireEvents.Exposure("e", "u", "production", Start)]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        Assert.Equal("Draft", problem.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("{\"events\": [", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"evnts\": []}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"events\": []}", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("[1, 2, 3]", "application/json", HttpStatusCode.BadRequest)]
    public async Task PostEvents_MalformedBody_Is4xxProblem(string body, string contentType, HttpStatusCode expected)
    {
        var experiment = await host.AddExperimentAsync($"events-malformed-{Guid.NewGuid():N}");
        using var client = host.Client();

        using var response = await client.PostAsync($"api/v1/experiments/{experiment.Key}/events",
            new StringContent(body, System.Text.Encoding.UTF8, contentType), _ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostEvents_BodyOverTheSizeLimit_Is413Problem()
    {
        var experiment = await host.AddExperimentAsync("events-oversize");
        using var client = host.Client();
        // As HTTP clients do for large uploads: the server may refuse before the body is sent.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var body = "{\"events\": [" + string.Join(',', Enumerable.Repeat("\"" + new string('x', 1_000) + "\"", 9_000)) + "]}";

        using var response = await client.PostAsync($"api/v1/experiments/{experiment.Key}/events",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), _ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private sealed record EventCounts(int Accepted, int Duplicates);
}
