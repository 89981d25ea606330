using System.Collections.Concurrent;
using System.Diagnostics;
using Lotte.Core.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Testing;

/// <summary>
/// A steady ingestion load: every <c>interval</c> one batch of new units' exposures (a tenth on Staging) and, unless
/// told otherwise, one Staging error, sent through a <see cref="RetryingEventSender"/> until stopped. Compares the dashboard's projected
/// per-arm statistics with what was acknowledged.
/// </summary>
public sealed class SteadyIngestion(RetryingEventSender sender, string experimentKey, string prefix, int unitsPerBatch, TimeSpan interval,
    bool withErrors = true)
{
    private readonly ConcurrentDictionary<string, EventSpec> _sent = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public int BatchesSent { get; private set; }
    public int EventsSent => _sent.Count;

    public void Start() => _running = Task.Run(RunAsync);

    /// <summary>Stops after the batch in flight has been acknowledged (retries included); rethrows what failed the load.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running!;
    }

    /// <summary>Exposed units, requests and errors per arm, as the acknowledged events must be counted.</summary>
    public Dictionary<Arm, (long ExposedUnits, long Requests, long Errors)> Expected()
    {
        var acknowledged = sender.Acknowledged.Select(id => _sent[id]).ToList();
        return new[] { Arm.Production, Arm.Staging }.ToDictionary(arm => arm, arm =>
        {
            var ofArm = acknowledged.Where(e => e.Arm == (arm == Arm.Staging ? "staging" : "production")).ToList();
            var exposures = ofArm.Count(e => e.Type == "exposure");
            var errors = ofArm.Count(e => e.Type == "error");
            return ((long)exposures, (long)(exposures + errors), (long)errors);
        });
    }

    /// <summary>What the projector counted, per arm, summed over the experiment's time buckets.</summary>
    public static async Task<Dictionary<Arm, (long ExposedUnits, long Requests, long Errors)>> CountedAsync(string connectionString, Guid experimentId)
    {
        await using var db = TestDatabase.CreateContext(connectionString);
        var rows = await db.ArmStatistics.Where(b => b.ExperimentId == experimentId).GroupBy(b => b.Arm)
            .Select(g => new { g.Key, Exposed = g.Sum(b => b.ExposedUnits), Requests = g.Sum(b => b.Requests), Errors = g.Sum(b => b.Errors) })
            .ToListAsync();
        return new[] { Arm.Production, Arm.Staging }.ToDictionary(arm => arm,
            arm => rows.Where(r => r.Key == arm).Select(r => (r.Exposed, r.Requests, r.Errors)).SingleOrDefault());
    }

    /// <summary>Raw events stored for the experiment (each acknowledged id once, by its unique index).</summary>
    public static async Task<long> StoredAsync(string connectionString, Guid experimentId)
    {
        await using var db = TestDatabase.CreateContext(connectionString);
        return await db.RawEvents.LongCountAsync(e => e.ExperimentId == experimentId);
    }

    private async Task RunAsync()
    {
        var batch = 0;
        while (!_stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            var at = DateTimeOffset.UtcNow.AddSeconds(-1);
            var events = new List<EventSpec>();
            for (var i = 0; i < unitsPerBatch; i++)
            {
                events.Add(EventSpec.Exposure($"{prefix}-{batch}-{i}", i % 10 == 0 ? "staging" : "production", at));
            }

            if (withErrors)
            {
                events.Add(EventSpec.Error($"{prefix}-{batch}-e", "staging", at));
            }

            foreach (var e in events)
            {
                _sent[e.EventId] = e;
            }

            await sender.SendAsync(experimentKey, events); // not cancelled: a started batch is always seen through
            BatchesSent = ++batch;
            var rest = interval - clock.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(rest, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
