using System.Text.Json;
using System.Text.Json.Serialization;
using Lotte.Core.Decisions;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lotte.Core.Persistence;

/// <summary>
/// The decision policy is stored as a JSON document: new settings need no migration, and a setting
/// missing from an older row reads as its default.
/// </summary>
internal static class PolicyJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        IgnoreReadOnlyProperties = true,
    };

    public static readonly ValueConverter<DecisionPolicy, string> Converter = new(
        policy => JsonSerializer.Serialize(policy, Options),
        json => JsonSerializer.Deserialize<DecisionPolicy>(json, Options) ?? DecisionPolicy.Default);

    public static readonly ValueComparer<DecisionPolicy> Comparer = new(
        (a, b) => Equals(a, b),
        policy => policy.GetHashCode(),
        policy => policy);
}
