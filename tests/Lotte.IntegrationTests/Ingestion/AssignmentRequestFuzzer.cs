using System.Globalization;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// The <paramref name="index"/>-th fuzzed request to the assignment and config endpoints. A mutated assignment
/// may still be valid (assignments write nothing), so the rule here is only: never a server error; requests
/// stopped by a gate must get that gate's answer.
/// </summary>
internal sealed class AssignmentRequestFuzzer(FuzzTarget target, int seed)
{
    private readonly RequestGates _gates = new(target, "assignments", target.IngestOnlyToken);

    public FuzzRequest Create(int index)
    {
        var rng = new Random(unchecked((seed * 1_000_003) + index));
        var valid = FuzzEvents.Utf8(rng.Next(2) == 0
            ? $"{{\"unitId\":\"unit-{rng.Next()}\"}}"
            : $"{{\"unitIds\":[{string.Join(',', Enumerable.Range(0, rng.Next(1, 20)).Select(_ => $"\"unit-{rng.Next()}\""))}]}}");
        var roll = rng.Next(100);
        return roll switch
        {
            < 30 => Body("bytes", ByteMutations.Apply(valid, rng).Body),
            < 50 => Body("unit-value", $"{{\"unitId\":{UnitValue(rng)}}}"),
            < 62 => Body("unit-list", UnitList(rng)),
            < 66 => Body("deep-nesting", HostileJson.Deep(rng.Next(2) == 0 ? 10_000 : 17, rng.Next(2) == 0, rng.Next(4) != 0)),
            < 72 => Envelope(rng),
            < 76 => _gates.WrongContentType(rng, valid),
            < 82 => _gates.BadCredentials(rng, valid),
            < 85 => _gates.WrongMethod(rng, valid),
            < 88 => _gates.UnknownExperiment(rng, valid),
            < 92 => _gates.HostilePath(rng, FuzzEvents.Utf8("{\"unitIds\":[]}")),
            _ => Config(rng),
        };
    }

    private FuzzRequest Body(string category, string json) => Body(category, FuzzEvents.Utf8(json));

    private FuzzRequest Body(string category, byte[] body, bool streamed = false, ExpectedStatus? expected = null) =>
        _gates.Request(category, "POST", _gates.Path(target.RunningKey), body, RequestGates.Json, target.Token,
            expected ?? ExpectedStatus.NotServerError, streamed: streamed);

    private static string UnitValue(Random rng) => rng.Next(8) switch
    {
        0 => HostileJson.LongString(new[] { 255, 256, 257, 10_000 }[rng.Next(4)]),
        1 => HostileJson.Pick(rng, HostileJson.Numbers),
        2 => HostileJson.Pick(rng, HostileJson.TypeSwaps),
        _ => HostileJson.Pick(rng, HostileJson.Strings),
    };

    private static string UnitList(Random rng)
    {
        string Ids(int count) => string.Join(',', Enumerable.Range(0, count).Select(i => $"\"u{i.ToString(CultureInfo.InvariantCulture)}\""));
        return rng.Next(7) switch
        {
            0 => "{\"unitIds\":[]}",
            1 => $"{{\"unitIds\":[{Ids(1_000)}]}}",
            2 => $"{{\"unitIds\":[{Ids(1_001)}]}}",
            3 => $"{{\"unitIds\":[{Ids(rng.Next(1, 5))},{UnitValue(rng)}]}}",
            4 => "{\"unitIds\":[[\"a\"],{\"b\":1},null]}",
            5 => $"{{\"unitId\":\"a\",\"unitIds\":[{UnitValue(rng)}]}}",
            _ => $"{{\"unitIds\":{UnitValue(rng)}}}",
        };
    }

    private FuzzRequest Envelope(Random rng)
    {
        var huge = FuzzEvents.Utf8("{\"unitId\":" + HostileJson.LongString(600_000) + "}");
        return rng.Next(8) switch
        {
            0 => Body("envelope", []),
            1 => Body("envelope", "null"),
            2 => Body("envelope", "[\"unit-1\"]"),
            3 => Body("envelope", "{\"unitid\":\"a\"}"),
            4 => Body("envelope", "{\"unitId\":\"a\",\"unitId\":{}}"),
            5 => Body("envelope", "{\"unitId\":\"a\"} {\"unitId\":\"b\"}"),
            _ => Body("oversized", huge, streamed: rng.Next(2) == 0, ExpectedStatus.Exactly(413)),
        };
    }

    private FuzzRequest Config(Random rng)
    {
        var key = rng.Next(3) switch
        {
            0 => target.RunningKey,
            1 => target.DraftKey,
            _ => "nope-" + rng.Next(1000).ToString(CultureInfo.InvariantCulture),
        };
        var request = _gates.Request("config", "GET", FuzzTarget.PathOf(key, "config"), null, null, rng.Next(5) == 0 ? target.IngestOnlyToken : target.Token,
            ExpectedStatus.NotServerError);
        var etag = HostileJson.Pick(rng, ["\"x\"", "*", "W/\"1\"", "", new string('"', 5_000), "\"\\ud800\"", "garbage, \"a\", W/"]);
        return request with { Headers = [.. request.Headers, new("If-None-Match", etag)] };
    }
}
