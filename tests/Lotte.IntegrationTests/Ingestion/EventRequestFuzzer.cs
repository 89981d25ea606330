using Lotte.Core.Ingestion;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// The <paramref name="index"/>-th fuzzed request to the events endpoint, the same for the same seed and index
/// whatever the order requests are made in. Every request is invalid by construction: a poisoned body, or a
/// valid body behind a gate that must stop it, or a body too large or with too many events.
/// </summary>
internal sealed class EventRequestFuzzer(FuzzTarget target, int seed)
{
    /// <summary>One request in this many is a large one (over 8 MB, or over 10,000 events).</summary>
    public const int HeavyEvery = 1_000;

    private static readonly ExpectedStatus BodyRefused = ExpectedStatus.Exactly(400, 422);

    private readonly FuzzEvents _events = new(target.StartedAt);
    private readonly RequestGates _gates = new(target, "events", target.AssignOnlyToken);

    public FuzzRequest Create(int index)
    {
        var rng = new Random(unchecked((seed * 1_000_003) + index));
        if (index % HeavyEvery == HeavyEvery - 1)
        {
            return Heavy(index / HeavyEvery);
        }

        var roll = rng.Next(100);
        if (roll < 75)
        {
            var (category, body, detail) = new EventBodyFuzzer(_events).Create(rng);
            return _gates.Request(category, "POST", _gates.Path(target.RunningKey), body, RequestGates.Json, target.Token, BodyRefused, detail: detail);
        }

        var valid = FuzzEvents.Utf8(FuzzEvents.BatchJson(_events.ValidBatch(rng, rng.Next(1, 20))));
        return roll switch
        {
            < 80 => _gates.WrongContentType(rng, valid),
            < 86 => _gates.BadCredentials(rng, valid),
            < 89 => _gates.WrongMethod(rng, valid),
            < 92 => _gates.UnknownExperiment(rng, valid),
            < 95 => _gates.Request("not-running", "POST", _gates.Path(rng.Next(2) == 0 ? target.DraftKey : target.StoppedKey), valid,
                RequestGates.Json, target.Token, ExpectedStatus.Exactly(409)),
            _ => _gates.HostilePath(rng, FuzzEvents.Utf8(FuzzEvents.BatchJson(_events.PoisonedBatch(rng, rng.Next(0, 5))))),
        };
    }

    /// <summary>A valid batch of 10,000 events over 8 MB (sent with a length, or streamed without one), or 10,001 small events.</summary>
    private FuzzRequest Heavy(int n)
    {
        var rng = new Random(seed + n);
        if (n % 3 == 2)
        {
            var tooMany = FuzzEvents.Utf8(FuzzEvents.BatchJson(_events.ValidBatch(rng, EventBatchLimits.MaxEvents + 1)));
            return _gates.Request("too-many-events", "POST", _gates.Path(target.RunningKey), tooMany, RequestGates.Json, target.Token,
                ExpectedStatus.Exactly(400));
        }

        // A streamed body only just past the limit: the little the server leaves unread fits in the socket buffers,
        // so the client finishes sending and reads the 413 instead of meeting a connection closed under it.
        var streamed = n % 3 == 1;
        var events = _events.ValidBatch(rng, EventBatchLimits.MaxEvents);
        var unpadded = FuzzEvents.BatchJson(events).Length;
        var excess = streamed ? 64 * 1024 : 1024 * 1024;
        var padding = "{\"note\":" + HostileJson.LongString((EventBatchLimits.MaxRequestBytes + excess - unpadded) / events.Count, 'p') + "}";
        events.ForEach(e => e.Set("attributes", padding));
        var body = FuzzEvents.Utf8(FuzzEvents.BatchJson(events));
        if (body.Length <= EventBatchLimits.MaxRequestBytes)
        {
            throw new InvalidOperationException($"An oversized batch must exceed {EventBatchLimits.MaxRequestBytes} bytes; it has {body.Length}.");
        }

        return _gates.Request(streamed ? "oversized-streamed" : "oversized", "POST", _gates.Path(target.RunningKey), body,
            RequestGates.Json, target.Token, ExpectedStatus.Exactly(413), streamed: streamed);
    }
}
