using System.Text.Json;

namespace Lotte.Core.Tests.Statistics.ReferenceCases;

/// <summary>Short accessors for case inputs and expected values.</summary>
internal static class JsonExtensions
{
    public static JsonElement Field(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value
            : throw new KeyNotFoundException($"Field '{name}' is missing.");

    public static bool Has(this JsonElement element, string name) => element.TryGetProperty(name, out _);

    public static long Long(this JsonElement element, string name) => element.Field(name).GetInt64();

    public static double Double(this JsonElement element, string name) => element.Field(name).GetDouble();

    public static bool Bool(this JsonElement element, string name) => element.Field(name).GetBoolean();

    public static bool IsNull(this JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null;

    public static double[] Doubles(this JsonElement element, string name) =>
        element.Field(name).EnumerateArray().Select(item => item.GetDouble()).ToArray();
}
