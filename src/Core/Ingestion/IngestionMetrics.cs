using System.Diagnostics;
using System.Diagnostics.Metrics;
using Lotte.Core.Assignment;

namespace Lotte.Core.Ingestion;

/// <summary>
/// Instruments of the assignment and event APIs, per experiment and arm (exported at /metrics):
/// events by outcome (accepted, duplicate, rejected), assignments by arm, and both APIs' latencies.
/// </summary>
public sealed class IngestionMetrics : IDisposable
{
    public const string MeterName = "Lotte.Ingestion";

    /// <summary>Sub-millisecond to seconds: the default buckets (up to 10,000) are meant for milliseconds.</summary>
    private static readonly InstrumentAdvice<double> LatencyBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private readonly Meter _meter;
    private readonly Counter<long> _events;
    private readonly Counter<long> _assignments;
    private readonly Histogram<double> _ingestDuration;
    private readonly Histogram<double> _assignDuration;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _events = _meter.CreateCounter<long>("lotte.events", "{event}", "Events received, by experiment, type, arm and outcome");
        _assignments = _meter.CreateCounter<long>("lotte.assignments", "{unit}", "Units assigned, by experiment and arm");
        _ingestDuration = _meter.CreateHistogram("lotte.ingestion.duration", "s", "Time to validate and store one event batch", advice: LatencyBuckets);
        _assignDuration = _meter.CreateHistogram("lotte.assignment.duration", "s", "Time to answer one assignment request", advice: LatencyBuckets);
    }

    public void EventsStored(string experiment, IEnumerable<IncomingEvent> events, string outcome)
    {
        foreach (var group in events.GroupBy(e => (e.Type, e.Arm)))
        {
            _events.Add(group.LongCount(), Tags(experiment, group.Key.Arm, ("type", Name(group.Key.Type)), ("outcome", outcome)));
        }
    }

    public void EventsRejected(string experiment, int count) =>
        _events.Add(count, new TagList { { "experiment", experiment }, { "outcome", "rejected" } });

    /// <summary>Called on every assignment request: counts in a loop rather than grouping, to stay allocation-free.</summary>
    public void Assigned(string experiment, IReadOnlyList<UnitAssignment> assignments)
    {
        long staging = 0;
        for (var i = 0; i < assignments.Count; i++)
        {
            staging += assignments[i].Arm == Arm.Staging ? 1 : 0;
        }

        if (assignments.Count > staging)
        {
            _assignments.Add(assignments.Count - staging, new TagList { { "experiment", experiment }, { "arm", "production" } });
        }

        if (staging > 0)
        {
            _assignments.Add(staging, new TagList { { "experiment", experiment }, { "arm", "staging" } });
        }
    }

    public void IngestionTook(string experiment, TimeSpan elapsed) =>
        _ingestDuration.Record(elapsed.TotalSeconds, new TagList { { "experiment", experiment } });

    public void AssignmentTook(string experiment, TimeSpan elapsed) =>
        _assignDuration.Record(elapsed.TotalSeconds, new TagList { { "experiment", experiment } });

    public void Dispose() => _meter.Dispose();

    private static string Name(EventType type) => type == EventType.ShadowResult ? "shadow_result" : type.ToString().ToLowerInvariant();

    private static TagList Tags(string experiment, Arm? arm, params (string Key, string Value)[] more)
    {
        var tags = new TagList { { "experiment", experiment }, { "arm", arm?.ToString().ToLowerInvariant() ?? "none" } };
        foreach (var (key, value) in more)
        {
            tags.Add(key, value);
        }

        return tags;
    }
}
