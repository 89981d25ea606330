using System.Globalization;
using System.Text;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// Events for the fuzzed experiment. Valid ones would be stored as they are. Poisoned ones lack a field
/// their type requires; no single byte edit, type swap or value change elsewhere can supply it, so a batch
/// holding more poisoned events than the mutations applied to it stays invalid by construction.
/// </summary>
internal sealed class FuzzEvents(DateTimeOffset startedAt)
{
    /// <summary>Poisoned events per batch: more than the events any one body mutation touches (at most three).</summary>
    public const int PoisonedPerBatch = 4;

    public static readonly string[] FieldNames =
        ["eventId", "type", "unitId", "arm", "occurredAt", "value", "errorKind", "score", "latencyMs", "attributes"];

    public RawJsonObject Valid(Random rng)
    {
        var kind = rng.Next(5);
        var e = new RawJsonObject().SetText("eventId", EventId(rng));
        switch (kind)
        {
            case 0:
                e.SetText("type", "exposure").SetText("unitId", UnitId(rng)).SetText("arm", Arm(rng)).Set("latencyMs", Number(rng));
                break;
            case 1:
                e.SetText("type", "conversion").SetText("unitId", UnitId(rng)).Set("value", rng.Next(1, 900_000_000).ToString(CultureInfo.InvariantCulture));
                break;
            case 2:
                e.SetText("type", "error").SetText("arm", Arm(rng)).SetText("errorKind", "timeout").SetText("unitId", UnitId(rng));
                break;
            case 3:
                e.SetText("type", "prediction").SetText("unitId", UnitId(rng)).SetText("arm", Arm(rng)).Set("score", Number(rng));
                break;
            default:
                e.SetText("type", "shadowResult").SetText("arm", "staging").Set("latencyMs", Number(rng));
                break;
        }

        e.Set("occurredAt", Timestamp(rng));
        if (rng.Next(3) == 0)
        {
            e.Set("attributes", "{\"region\":\"seoul\",\"listings\":3,\"premium\":true}");
        }

        return e;
    }

    /// <summary>One of four events that each lack a required field (unit, unit, error kind, score).</summary>
    public RawJsonObject Poisoned(Random rng, int kind)
    {
        var e = new RawJsonObject().SetText("eventId", "poison-" + EventId(rng));
        _ = (kind % PoisonedPerBatch) switch
        {
            0 => e.SetText("type", "exposure").SetText("arm", Arm(rng)),
            1 => e.SetText("type", "conversion").Set("value", "1000"),
            2 => e.SetText("type", "error").SetText("arm", Arm(rng)).SetText("unitId", UnitId(rng)),
            _ => e.SetText("type", "prediction").SetText("unitId", UnitId(rng)).SetText("arm", Arm(rng)),
        };
        return e.Set("occurredAt", Timestamp(rng));
    }

    public List<RawJsonObject> ValidBatch(Random rng, int count) => Enumerable.Range(0, count).Select(_ => Valid(rng)).ToList();

    /// <summary><paramref name="validCount"/> valid events with <see cref="PoisonedPerBatch"/> poisoned ones spread among them.</summary>
    public List<RawJsonObject> PoisonedBatch(Random rng, int validCount)
    {
        var events = ValidBatch(rng, validCount);
        for (var kind = 0; kind < PoisonedPerBatch; kind++)
        {
            events.Insert(rng.Next(events.Count + 1), Poisoned(rng, kind));
        }

        return events;
    }

    public static string BatchJson(IEnumerable<RawJsonObject> events, string arrayName = "events")
    {
        var json = new StringBuilder("{").Append(RawJsonObject.Quote(arrayName)).Append(":[");
        var first = true;
        foreach (var e in events)
        {
            json.Append(first ? "" : ",");
            e.WriteTo(json);
            first = false;
        }

        return json.Append("]}").ToString();
    }

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>Within a few minutes of the start: valid whenever the batch is sent after the start.</summary>
    private string Timestamp(Random rng)
    {
        var at = startedAt + TimeSpan.FromMilliseconds(rng.Next(-200_000, 200_000));
        var text = rng.Next(2) == 0
            ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : at.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        return RawJsonObject.Quote(text);
    }

    private static string EventId(Random rng) => $"evt-{rng.Next():x8}{rng.Next():x8}";

    private static string UnitId(Random rng) => $"unit-{rng.Next(1, 1_000_000)}";

    private static string Arm(Random rng) => rng.Next(2) == 0 ? "production" : "staging";

    private static string Number(Random rng) => (rng.Next(1, 100_000) / 100.0).ToString(CultureInfo.InvariantCulture);
}
