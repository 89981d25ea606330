using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotte.Core.Assignment;
using Lotte.Testing;

namespace Lotte.IntegrationTests.Api;

/// <summary>Sticky, deterministic assignment over real HTTP, with two app instances on one database.</summary>
public class AssignmentApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Assign_SameUnitsOnTwoInstancesAndAfterARestart_GetTheSameArms()
    {
        var experiment = await host.AddExperimentAsync("assign-sticky");
        var units = AssignmentClient.Units("고객", 3_000);
        using var clientA = host.Client();
        var fromA = await AssignmentClient.AssignAsync(clientA, experiment.Key, units);

        Dictionary<string, string> fromB, afterRestart;
        await using (var instanceB = await DashboardProcess.StartAsync(host.Database.ConnectionString))
        {
            using var clientB = host.Client(app: instanceB);
            fromB = await AssignmentClient.AssignAsync(clientB, experiment.Key, units);
        }

        await using (var restarted = await DashboardProcess.StartAsync(host.Database.ConnectionString))
        {
            using var clientC = host.Client(app: restarted);
            afterRestart = await AssignmentClient.AssignAsync(clientC, experiment.Key, units);
        }

        Assert.Equal(fromA, fromB);
        Assert.Equal(fromA, afterRestart);
        var stagingShare = fromA.Values.Count(a => a == "staging") / (double)units.Length;
        Assert.InRange(stagingShare, 0.10 - (4 * 0.0055), 0.10 + (4 * 0.0055)); // ±4 standard errors of 10% at n = 3,000
    }

    [Fact]
    public async Task Ramp_From1To5To10Percent_KeepsEveryUnitExposedAt1PercentInItsArm()
    {
        var experiment = await host.AddExperimentAsync("assign-ramp", share: 0.01);
        var exposedAtOnePercent = AssignmentClient.Units("ramp", 20_000);
        using var client = host.Client();
        var firstArms = await AssignmentClient.AssignAsync(client, experiment.Key, exposedAtOnePercent);
        var exposures = firstArms.Select((pair, i) => WireEvents.Exposure($"x{i}", pair.Key, pair.Value, DateTimeOffset.UtcNow.AddMinutes(-5)));
        foreach (var chunk in exposures.Chunk(10_000))
        {
            using var stored = await host.PostEventsAsync(experiment.Key, chunk, client);
            stored.EnsureSuccessStatusCode();
        }

        await host.WaitForProjectionAsync(); // a unit's first arm is kept from its first projected exposure
        await host.SetShareAsync(experiment.Key, 0.05);
        await host.SetShareAsync(experiment.Key, 0.10);
        await Task.Delay(ExperimentConfigCache.MaxAge * 2, _ct);
        var afterRamp = await AssignmentClient.AssignAsync(client, experiment.Key, exposedAtOnePercent);
        var newcomers = await AssignmentClient.AssignAsync(client, experiment.Key, AssignmentClient.Units("newcomer", 20_000));

        Assert.Equal(firstArms, afterRamp);
        Assert.InRange(firstArms.Values.Count(a => a == "staging"), 120, 280); // about 1% of 20,000
        Assert.InRange(newcomers.Values.Count(a => a == "staging"), 1_830, 2_170); // about 10% of 20,000 (±4 s.e.)
    }

    [Fact]
    public async Task Rollback_ShareSetToZero_SecondInstanceAnswersProductionForEveryoneWithinOneSecond()
    {
        var experiment = await host.AddExperimentAsync("assign-rollback", share: 0.5);
        var units = AssignmentClient.Units("rb", 200);
        await using var instanceB = await DashboardProcess.StartAsync(host.Database.ConnectionString);
        using var clientB = host.Client(app: instanceB);
        Assert.Contains("staging", (await AssignmentClient.AssignAsync(clientB, experiment.Key, units)).Values);

        await host.SetShareAsync(experiment.Key, 0);
        var clock = Stopwatch.StartNew();
        while ((await AssignmentClient.AssignAsync(clientB, experiment.Key, units)).Values.Any(a => a == "staging"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Instance B still served Staging {clock.Elapsed.TotalMilliseconds:F0} ms after the rollback.");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Rollback reached the second instance in {clock.Elapsed.TotalMilliseconds:F0} ms.");
    }

    [Fact]
    public async Task Config_PublishedBucketing_AssignsInProcessExactlyAsTheApi()
    {
        var experiment = await host.AddExperimentAsync("assign-config", share: 0.2);
        using var client = host.Client();
        using var config = JsonDocument.Parse(await client.GetStringAsync($"api/v1/experiments/{experiment.Key}/config", _ct));
        var seed = config.RootElement.GetProperty("seed").GetString()!;
        var ranges = config.RootElement.GetProperty("ranges").EnumerateArray()
            .Select(r => new BucketRange(r[0].GetDouble(), r[1].GetDouble())).ToArray();
        var units = AssignmentClient.Units("sdk", 2_000);

        var fromApi = await AssignmentClient.AssignAsync(client, experiment.Key, units);

        // What a GrowthBook SDK does with the document: hash v2, then the first range holding the bucket.
        foreach (var unit in units)
        {
            var variation = BucketRanges.ChooseVariation(GrowthBookHash.Hash(seed, unit, 2)!.Value, ranges);
            Assert.Equal(variation == 1 ? "staging" : "production", fromApi[unit]);
        }
    }

    [Fact]
    public async Task Config_PolledWithItsETag_Is304UntilTheExperimentChanges()
    {
        var experiment = await host.AddExperimentAsync("assign-etag");
        using var client = host.Client();
        using var first = await client.GetAsync($"api/v1/experiments/{experiment.Key}/config", _ct);
        var etag = first.Headers.ETag!;

        using var unchanged = new HttpRequestMessage(HttpMethod.Get, $"api/v1/experiments/{experiment.Key}/config");
        unchanged.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(unchanged, _ct);
        await host.SetShareAsync(experiment.Key, 0.05);
        await Task.Delay(ExperimentConfigCache.MaxAge * 2, _ct);
        using var changed = new HttpRequestMessage(HttpMethod.Get, $"api/v1/experiments/{experiment.Key}/config");
        changed.Headers.IfNoneMatch.Add(etag);
        using var modified = await client.SendAsync(changed, _ct);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.NotEqual(etag, modified.Headers.ETag);
    }

    [Fact]
    public async Task Assign_UnknownExperiment_Is404Problem()
    {
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync("api/v1/experiments/nope/assignments", new { unitId = "u1" }, _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
