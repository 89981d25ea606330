using System.Text.Json;
using Lotte.Core.Assignment;

namespace Lotte.Core.Tests.Assignment;

/// <summary>Reads the values of GrowthBook case files: plain JSON arrays of numbers and [start, end] pairs.</summary>
internal static class ReferenceJson
{
    public static JsonElement[] Parse(string caseJson)
    {
        using var document = JsonDocument.Parse(caseJson);
        return document.RootElement.EnumerateArray().Select(element => element.Clone()).ToArray();
    }

    public static double[] Doubles(JsonElement array) =>
        array.EnumerateArray().Select(element => element.GetDouble()).ToArray();

    public static double[]? DoublesOrNull(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? null : Doubles(value);

    public static BucketRange[] Ranges(JsonElement array) =>
        array.EnumerateArray().Select(pair => new BucketRange(pair[0].GetDouble(), pair[1].GetDouble())).ToArray();
}
