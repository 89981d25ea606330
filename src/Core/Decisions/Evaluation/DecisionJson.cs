using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lotte.Core.Decisions.Evaluation;

/// <summary>How evaluations are kept as JSON: enums as words, non-finite numbers allowed (a ratio with no base).</summary>
internal static class DecisionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
