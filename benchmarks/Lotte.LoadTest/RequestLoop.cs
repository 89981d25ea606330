using System.Diagnostics;

namespace Lotte.LoadTest;

/// <summary>
/// A closed-loop load: a fixed number of workers each send one request, wait for the whole answer, and send
/// the next, until the duration is over. Stops by itself; every answer but a 2xx counts as a failure.
/// </summary>
public static class RequestLoop
{
    public static async Task<(long Count, int Failures, TimeSpan Elapsed, long[] Latencies)> RunAsync(HttpClient client,
        Func<long, HttpRequestMessage> create, int concurrency, TimeSpan duration)
    {
        var sequence = 0L;
        var failures = 0;
        var perWorker = new List<long>[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var latencies = perWorker[worker] = new List<long>(100_000);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = create(Interlocked.Increment(ref sequence));
                try
                {
                    using var response = await client.SendAsync(request);
                    await response.Content.LoadIntoBufferAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }

                latencies.Add(Stopwatch.GetTimestamp() - started);
            }
        })));
        var elapsed = clock.Elapsed;
        var all = perWorker.SelectMany(l => l).ToArray();
        return (all.Length, failures, elapsed, all);
    }
}
