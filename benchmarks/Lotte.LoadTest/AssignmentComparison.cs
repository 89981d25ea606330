using System.Text;

namespace Lotte.LoadTest;

/// <summary>
/// <c>POST …/assignments</c> with one unit per request against <c>GET /health/live</c> on the same host: the same
/// client, the same concurrency, alternating rounds of a fixed duration.
/// </summary>
public sealed class AssignmentComparison(LoadEnvironment environment, LoadTestOptions options, CpuMeter meter)
{
    public const string AssignKey = "load-assign";
    private const int UnitIds = 1 << 16;

    public async Task<Comparison> RunAsync()
    {
        using var client = LoadClient.Create(environment.Dashboard.BaseAddress, options.RequestConcurrency);
        var assignPath = new Uri($"/api/v1/experiments/{AssignKey}/assignments", UriKind.Relative);
        var livePath = new Uri("/health/live", UriKind.Relative);
        // Bodies are encoded and headers written before the clock starts, so the generator, which shares the
        // machine with the server, spends as little as it can on each request.
        var bodies = Enumerable.Range(0, UnitIds).Select(i => Encoding.UTF8.GetBytes($"{{\"unitId\":\"user-{i}\"}}")).ToArray();
        var authorization = "Bearer " + environment.Token;
        HttpRequestMessage Live(long n) => new(HttpMethod.Get, livePath);
        HttpRequestMessage Assign(long n)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, assignPath) { Content = new ByteArrayContent(bodies[n % UnitIds]) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return request;
        }

        async Task<Measurement> MeasureAsync(Func<long, HttpRequestMessage> create)
        {
            var (run, cpu) = await meter.MeasureAsync(() => RequestLoop.RunAsync(client, create, options.RequestConcurrency, options.RoundDuration));
            return new Measurement(run.Count, run.Elapsed, run.Latencies, cpu, run.Failures);
        }

        await RequestLoop.RunAsync(client, Live, options.RequestConcurrency, options.RequestWarmup);
        await RequestLoop.RunAsync(client, Assign, options.RequestConcurrency, options.RequestWarmup);
        var live = new List<Measurement>();
        var assign = new List<Measurement>();
        for (var round = 0; round < options.RequestRounds; round++)
        {
            live.Add(await MeasureAsync(Live));
            assign.Add(await MeasureAsync(Assign));
        }

        var concurrent = $"{options.RequestConcurrency} concurrent";
        return new Comparison("assignment requests/s ÷ GET /health/live requests/s",
            PhaseResult.Of($"POST /assignments, one unit each ({concurrent})", "requests", assign),
            PhaseResult.Of($"GET /health/live ({concurrent})", "requests", live),
            Goal: 0.7);
    }
}
