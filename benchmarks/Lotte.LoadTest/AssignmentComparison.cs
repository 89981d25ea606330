using System.Net.Http.Headers;
using System.Text;

namespace Lotte.LoadTest;

/// <summary>
/// <c>POST …/assignments</c> with one unit per request against <c>GET /health/live</c> on the same host: the same
/// client, the same concurrency, alternating rounds of a fixed duration.
/// </summary>
public sealed class AssignmentComparison(LoadEnvironment environment, LoadTestOptions options, CpuMeter meter)
{
    public const string AssignKey = "load-assign";

    public async Task<Comparison> RunAsync()
    {
        using var client = LoadClient.Create(environment.Dashboard.BaseAddress, options.RequestConcurrency);
        var assignPath = new Uri($"/api/v1/experiments/{AssignKey}/assignments", UriKind.Relative);
        var livePath = new Uri("/health/live", UriKind.Relative);
        HttpRequestMessage Live(long n) => new(HttpMethod.Get, livePath);
        HttpRequestMessage Assign(long n)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, assignPath)
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"unitId\":\"user-{n}\"}}")),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", environment.Token);
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
