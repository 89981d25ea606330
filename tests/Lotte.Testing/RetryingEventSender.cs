using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Lotte.Testing;

/// <summary>
/// A serving process's event client that does what the API asks of it: on 503 it waits the <c>Retry-After</c> and sends
/// the same batch (same event ids) again; on a refused or dropped connection (a replica killed or restarting) it retries
/// after a short pause. It records every event id acknowledged with 2xx and every answer it got, so a test can compare
/// the dashboard's counts with what was acknowledged. Any answer other than 2xx or 503 fails the send.
/// </summary>
public sealed class RetryingEventSender(Uri baseAddress, string token, TimeSpan giveUpAfter)
{
    private static readonly TimeSpan ConnectionRetryPause = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<string, byte> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TimeSpan> _retryAfters = new();
    private int _unavailable;
    private int _connectionFailures;
    private long _duplicates;

    /// <summary>Event ids acknowledged with 2xx (each once, however often it was sent).</summary>
    public IReadOnlyCollection<string> Acknowledged => (IReadOnlyCollection<string>)_acknowledged.Keys;
    public int UnavailableAnswers => _unavailable;
    public int ConnectionFailures => _connectionFailures;
    public long DuplicatesReported => Interlocked.Read(ref _duplicates);
    public IReadOnlyCollection<TimeSpan> RetryAfters => _retryAfters;

    /// <summary>Sends one batch until it is acknowledged; throws on any other answer or after <c>giveUpAfter</c>.</summary>
    public async Task SendAsync(string experimentKey, IReadOnlyList<EventSpec> events, CancellationToken cancellationToken = default)
    {
        var body = new { events = events.Select(e => e.Wire()).ToList() };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (clock.Elapsed > giveUpAfter)
            {
                throw new TimeoutException($"A batch of {events.Count} events was not acknowledged within {giveUpAfter}.");
            }

            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(15) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsJsonAsync($"api/v1/experiments/{experimentKey}/events", body, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _connectionFailures);
                await Task.Delay(ConnectionRetryPause, cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    var answer = await response.Content.ReadFromJsonAsync<Answer>(cancellationToken);
                    Interlocked.Add(ref _duplicates, answer?.Duplicates ?? 0);
                    foreach (var e in events)
                    {
                        _acknowledged.TryAdd(e.EventId, 0);
                    }

                    return;
                }

                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    throw new InvalidOperationException($"The events API answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }

                Interlocked.Increment(ref _unavailable);
                var retryAfter = response.Headers.RetryAfter?.Delta
                    ?? throw new InvalidOperationException("A 503 without Retry-After (in seconds).");
                _retryAfters.Enqueue(retryAfter);
                await Task.Delay(retryAfter, cancellationToken);
            }
        }
    }

    private sealed record Answer(long Accepted, long Duplicates);
}

/// <summary>One event of a test's load in the events API's wire form.</summary>
public sealed record EventSpec(string EventId, string Type, string Arm, string? UnitId, DateTimeOffset OccurredAt)
{
    public static EventSpec Exposure(string unitId, string arm, DateTimeOffset at) => new($"{unitId}-x", "exposure", arm, unitId, at);

    public static EventSpec Error(string id, string arm, DateTimeOffset at) => new(id, "error", arm, null, at);

    public object Wire() => Type == "error"
        ? new { eventId = EventId, type = Type, arm = Arm, errorKind = "timeout", occurredAt = OccurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }
        : new { eventId = EventId, type = Type, arm = Arm, unitId = UnitId, occurredAt = OccurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
}
