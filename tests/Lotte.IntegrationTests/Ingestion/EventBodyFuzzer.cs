using System.Text;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// Damaged event batch bodies. Every body holds <see cref="FuzzEvents.PoisonedPerBatch"/> poisoned events and
/// each mutation changes one event (or breaks the JSON, or the envelope), so every body is invalid by construction.
/// </summary>
internal sealed class EventBodyFuzzer(FuzzEvents events)
{
    public (string Category, byte[] Body, string Detail) Create(Random rng)
    {
        var batch = events.PoisonedBatch(rng, rng.Next(10) == 0 ? rng.Next(20, 400) : rng.Next(0, 12));
        var target = batch[rng.Next(batch.Count)];
        switch (rng.Next(100))
        {
            case < 40:
                var (body, edits) = ByteMutations.Apply(FuzzEvents.Utf8(FuzzEvents.BatchJson(batch)), rng);
                return ("bytes", body, edits);
            case < 55:
                target.Set(Field(rng, target), HostileJson.Pick(rng, HostileJson.TypeSwaps));
                return Mutated("type-swap", batch, target);
            case < 62:
                for (var i = rng.Next(1, 4); i > 0 && target.Fields.Count > 0; i--)
                {
                    target.Remove(target.Fields[rng.Next(target.Fields.Count)].Key);
                }

                return Mutated("missing-field", batch, target);
            case < 68:
                target.Set(ExtraName(rng), AnyValue(rng));
                return Mutated("extra-field", batch, target);
            case < 85:
                target.Set(Field(rng, target), Absurd(rng));
                return Mutated("absurd-value", batch, target);
            case < 90:
                var name = target.Fields[rng.Next(target.Fields.Count)].Key;
                target.Append(name, rng.Next(2) == 0 ? target.Fields.First(f => f.Key == name).Value : AnyValue(rng));
                return Mutated("duplicate-key", batch, target);
            case < 94:
                return ("deep-nesting", DeepNesting(rng, batch, target), "");
            default:
                return ("envelope", Envelope(rng, batch), "");
        }
    }

    private static byte[] Json(List<RawJsonObject> batch) => FuzzEvents.Utf8(FuzzEvents.BatchJson(batch));

    /// <summary>The batch with its mutated event, whose start names the mutation in a report.</summary>
    private static (string, byte[], string) Mutated(string category, List<RawJsonObject> batch, RawJsonObject target)
    {
        var text = target.ToString();
        return (category, Json(batch), text[..Math.Min(300, text.Length)]);
    }

    private static string Field(Random rng, RawJsonObject target) =>
        rng.Next(3) == 0 ? FuzzEvents.FieldNames[rng.Next(FuzzEvents.FieldNames.Length)] : target.Fields[rng.Next(target.Fields.Count)].Key;

    private static string ExtraName(Random rng) => HostileJson.Pick(rng,
        ["extra", "EVENTID", "eventid", "event Id", "__proto__", "constructor", "", "\u0000", "$type", "unit\u00a0Id", new string('k', 10_000)]);

    private static string AnyValue(Random rng) => rng.Next(10) switch
    {
        0 => HostileJson.LongString(10_000),
        1 => HostileJson.Deep(rng.Next(1, 15), objects: rng.Next(2) == 0, closed: true),
        _ => HostileJson.Pick(rng, [.. HostileJson.All]),
    };

    private static string Absurd(Random rng) => rng.Next(12) switch
    {
        0 => HostileJson.LongString(new[] { 129, 256, 257, 4097, 10_000 }[rng.Next(5)]),
        1 => HostileJson.Pick(rng,
        [
            "{\"a\":{\"b\":1}}", "{\"a\":[1]}", "{\"\\ud800\":1}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}", "[{\"a\":1}]",
            "{\"a\":1,\"a\":2}", "{\"a\":" + HostileJson.LongString(5_000) + "}", "{\"a\":1e400}", "{\"a\":NaN}",
        ]),
        < 5 => HostileJson.Pick(rng, HostileJson.Numbers),
        < 8 => HostileJson.Pick(rng, HostileJson.Timestamps),
        _ => HostileJson.Pick(rng, HostileJson.Strings),
    };

    private static byte[] DeepNesting(Random rng, List<RawJsonObject> batch, RawJsonObject target)
    {
        var objects = rng.Next(2) == 0;
        var closed = rng.Next(4) != 0;
        switch (rng.Next(4))
        {
            case 0:
                return FuzzEvents.Utf8(HostileJson.Deep(10_000, objects, closed));
            case 1:
                target.Set("attributes", HostileJson.Deep(rng.Next(2) == 0 ? 10_000 : 17, objects, closed: true));
                return Json(batch);
            case 2:
                var json = FuzzEvents.BatchJson(batch);
                return FuzzEvents.Utf8(json.Insert(json.IndexOf('[', StringComparison.Ordinal) + 1, HostileJson.Deep(10_000, objects, closed) + ","));
            default:
                return FuzzEvents.Utf8("{\"events\":" + HostileJson.Deep(10_000, objects: false, closed) + "}");
        }
    }

    private static byte[] Envelope(Random rng, List<RawJsonObject> batch)
    {
        var json = FuzzEvents.BatchJson(batch);
        var items = json["{\"events\":".Length..^1];
        return rng.Next(17) switch
        {
            0 => [],
            1 => FuzzEvents.Utf8("null"),
            2 => FuzzEvents.Utf8(items),
            3 => FuzzEvents.Utf8("\"events\""),
            4 => FuzzEvents.Utf8("1e400"),
            5 => FuzzEvents.Utf8("{\"events\":null}"),
            6 => FuzzEvents.Utf8("{\"events\":{}}"),
            7 => FuzzEvents.Utf8("{\"events\":" + RawJsonObject.Quote(items) + "}"),
            8 => FuzzEvents.Utf8(FuzzEvents.BatchJson(batch, "Events")),
            9 => FuzzEvents.Utf8(json[..^1] + ",\"events\":" + items + "}"),
            10 => FuzzEvents.Utf8("{}"),
            11 => [0xEF, 0xBB, 0xBF, .. FuzzEvents.Utf8(json)],
            12 => FuzzEvents.Utf8(json + " trailing"),
            13 => FuzzEvents.Utf8(json + json),
            14 => FuzzEvents.Utf8("{\"events\":[1,\"two\",null,[],true]}"),
            15 => Encoding.Unicode.GetBytes(json),
            _ => FuzzEvents.Utf8(json[..^1] + ",\"padding\":" + HostileJson.LongString(100_000) + "}"),
        };
    }
}
