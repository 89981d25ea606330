using System.Diagnostics;
using System.Text;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// Sends generated requests to a loopback server with a fixed number of concurrent clients, until all are sent
/// or the time budget is spent, and records every answer.
/// </summary>
internal sealed class FuzzRunner(Uri baseAddress, int concurrency, TimeSpan budget)
{
    private const int LargeBody = 1024 * 1024;

    public async Task<FuzzReport> RunAsync(int count, Func<int, FuzzRequest> create, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            AllowAutoRedirect = false,
            UseCookies = false,
            // Sends header values as given (UTF-8), so non-ASCII credentials reach the server instead of failing here.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget);
        var report = new FuzzReport();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count && !deadline.IsCancellationRequested; i = Interlocked.Increment(ref next))
            {
                var request = create(i);
                var (status, answer) = await SendAsync(client, request, deadline.Token);
                if (!deadline.IsCancellationRequested)
                {
                    report.Record(i, request, status, answer);
                }
            }
        }, CancellationToken.None)));
        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static async Task<(int Status, string Answer)> SendAsync(HttpClient client, FuzzRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.PathAndQuery, UriKind.Relative));
        if (request.Body is not null)
        {
            message.Content = request.Streamed ? new UnsizedContent(request.Body) : new ByteArrayContent(request.Body);

            // A large body waits for the server's go-ahead, as uploads should: a server that refuses it at once
            // (413) then answers instead of closing the connection under a body still being sent.
            message.Headers.ExpectContinue = !request.Streamed && request.Body.Length > LargeBody;
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await client.SendAsync(message, cancellationToken);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException ex)
        {
            return (FuzzReport.NoAnswer, $"{ex.HttpRequestError}: {ex.Message}");
        }
        catch (TaskCanceledException)
        {
            return (FuzzReport.NoAnswer, "no answer in time");
        }
    }
}
