using System.Text.Json;

namespace Lotte.LoadTest;

/// <summary>
/// Realistic batches as a serving process sends them: fresh units each batch, each exposed once (one in ten to
/// Staging, three in ten with personal attributes), 12% of them signing a contract shortly after, and serving
/// errors; stamped over the ten minutes before the batch. Per 10,000 events: 8,500 exposures, 1,020 conversions,
/// 480 errors.
/// </summary>
public sealed class EventBatchGenerator(DateTimeOffset now, int seed)
{
    public byte[] Create(string batchId, int size)
    {
        var rng = new Random(HashOf(batchId) ^ seed);
        var units = size * 85 / 100;
        var conversions = size * 102 / 1_000;
        var exposedAt = new DateTimeOffset[units];
        var stream = new MemoryStream(size * 220);
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            for (var i = 0; i < units; i++)
            {
                exposedAt[i] = now - TimeSpan.FromMilliseconds(rng.Next(60_000, 600_000));
                Event(json, $"{batchId}-x{i}", "exposure", $"{batchId}-u{i}", exposedAt[i]);
                json.WriteString("arm", rng.Next(10) == 0 ? "staging" : "production");
                json.WriteNumber("latencyMs", rng.Next(5, 400));
                if (rng.Next(10) < 3)
                {
                    json.WriteStartObject("attributes");
                    json.WriteString("region", rng.Next(2) == 0 ? "seoul" : "busan");
                    json.WriteString("device", rng.Next(2) == 0 ? "ios" : "android");
                    json.WriteNumber("listingsViewed", rng.Next(1, 40));
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            for (var i = 0; i < conversions; i++)
            {
                var unit = rng.Next(units);
                Event(json, $"{batchId}-c{i}", "conversion", $"{batchId}-u{unit}", exposedAt[unit] + TimeSpan.FromSeconds(rng.Next(1, 50)));
                json.WriteNumber("value", rng.NextInt64(100_000_000, 3_000_000_000));
                json.WriteEndObject();
            }

            for (var i = units + conversions; i < size; i++)
            {
                Event(json, $"{batchId}-r{i}", "error", $"{batchId}-u{rng.Next(units)}", now - TimeSpan.FromMilliseconds(rng.Next(60_000, 600_000)));
                json.WriteString("arm", rng.Next(10) == 0 ? "staging" : "production");
                json.WriteString("errorKind", rng.Next(2) == 0 ? "timeout" : "model_error");
                json.WriteNumber("latencyMs", rng.Next(1_000, 5_000));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void Event(Utf8JsonWriter json, string eventId, string type, string unitId, DateTimeOffset at)
    {
        json.WriteStartObject();
        json.WriteString("eventId", eventId);
        json.WriteString("type", type);
        json.WriteString("unitId", unitId);
        json.WriteString("occurredAt", at);
    }

    /// <summary>A stable hash (string.GetHashCode differs between runs).</summary>
    private static int HashOf(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}
