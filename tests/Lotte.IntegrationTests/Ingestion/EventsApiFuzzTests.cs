using System.Net;
using System.Net.Http.Headers;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// Fuzzes the service API of the real dashboard process with deterministic (seeded) malformed and mutated
/// requests, each invalid by construction: no answer may be a server error, and nothing may be stored.
/// </summary>
public sealed class EventsApiFuzzTests(ServiceApiServer server) : IClassFixture<ServiceApiServer>
{
    private const int Seed = 20_261_125;
    private const int Concurrency = 8;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostEvents_TenThousandMalformedRequests_NoServerErrorAndNothingStored()
    {
        var report = await FuzzAsync(10_200, new EventRequestFuzzer(server.Target, Seed).Create);

        Assert.Equal(0, report.Count(status => status is < 400));
        Assert.Equal(IngestionRowCounts.None, await server.CountRowsAsync());
        await AssertValidBatchIsStoredAsync();
    }

    [Fact]
    public async Task PostAssignments_MalformedRequests_NoServerError()
    {
        await FuzzAsync(3_000, new AssignmentRequestFuzzer(server.Target, Seed + 1).Create);
    }

    /// <summary>
    /// Sends the requests and checks what holds for every endpoint: all were answered within the budget, none with
    /// a server error or another answer than expected, and the server logged no error meanwhile.
    /// </summary>
    private async Task<FuzzReport> FuzzAsync(int count, Func<int, FuzzRequest> create)
    {
        var logged = server.Output.Count();

        var report = await new FuzzRunner(server.BaseAddress, Concurrency, Budget).RunAsync(count, create, _ct);

        var failures = ServerFailures(logged);
        TestContext.Current.TestOutputHelper?.WriteLine(report.Summary() + string.Join('\n', failures.Take(10)));
        Assert.Equal(count, report.Sent);
        Assert.Empty(report.ServerErrors);
        Assert.Empty(report.Unexpected);
        Assert.Empty(failures);
        return report;
    }

    /// <summary>
    /// The control: the fuzzer's valid events, sent as they should be, are stored. Without it "nothing stored"
    /// could hold only because the bodies behind the gates were never valid.
    /// </summary>
    private async Task AssertValidBatchIsStoredAsync()
    {
        var events = new FuzzEvents(server.Target.StartedAt).ValidBatch(new Random(Seed), 25);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, FuzzTarget.PathOf(server.Target.RunningKey, "events"))
        {
            Content = new ByteArrayContent(FuzzEvents.Utf8(FuzzEvents.BatchJson(events))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(RequestGates.Json);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Target.Token);

        using var response = await client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(events.Count, (await server.CountRowsAsync()).RawEvents);
    }

    /// <summary>Errors the server logged since <paramref name="skip"/> lines, each with the two lines after it (the exception).</summary>
    private List<string> ServerFailures(int skip)
    {
        var lines = server.Output.Skip(skip).ToList();
        return lines
            .Select((line, i) => (line, i))
            .Where(l => l.line.StartsWith("fail:", StringComparison.Ordinal) || l.line.StartsWith("crit:", StringComparison.Ordinal))
            .Select(l => string.Join(" ", lines.Skip(l.i).Take(3).Select(s => s.Trim())))
            .ToList();
    }
}
