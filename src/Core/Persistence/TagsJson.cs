using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lotte.Core.Persistence;

/// <summary>A version's tags as one jsonb object; compared by content so edits in place are saved.</summary>
internal static class TagsJson
{
    public static readonly ValueConverter<Dictionary<string, string>, string> Converter = new(
        tags => JsonSerializer.Serialize(tags, (JsonSerializerOptions?)null),
        json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>());

    public static readonly ValueComparer<Dictionary<string, string>> Comparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        tags => tags.Aggregate(0, (hash, tag) => hash ^ HashCode.Combine(tag.Key, tag.Value)),
        tags => new Dictionary<string, string>(tags));
}
