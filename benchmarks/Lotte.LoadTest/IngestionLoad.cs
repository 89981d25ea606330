using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Lotte.LoadTest;

/// <summary>Sends prepared event batches through <c>POST …/events</c> with a few concurrent clients; every batch must be accepted whole.</summary>
public sealed class IngestionLoad(HttpClient client, string token)
{
    public async Task<(TimeSpan Elapsed, long[] Latencies)> RunAsync(string experimentKey, IReadOnlyList<byte[]> batches, int batchSize, int clients)
    {
        var path = new Uri($"/api/v1/experiments/{experimentKey}/events", UriKind.Relative);
        var latencies = new long[batches.Count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(batches[i]) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                latencies[i] = Stopwatch.GetTimestamp() - started;
                if (!response.IsSuccessStatusCode || Accepted(body) != batchSize)
                {
                    throw new InvalidOperationException($"Batch {i} was not stored whole: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
                }
            }
        })));
        return (clock.Elapsed, latencies);
    }

    private static int Accepted(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("accepted").GetInt32();
    }
}
