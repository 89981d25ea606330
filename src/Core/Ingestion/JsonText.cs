using System.Text.Json;

namespace Lotte.Core.Ingestion;

/// <summary>
/// Reads JSON strings that may not be text. System.Text.Json parses bytes that are not UTF-8 and lone
/// surrogate escapes (<c>"\ud800"</c>) without complaint and throws only when such a string is read, so
/// every string taken from a request goes through here: bad text is the client's error, not a server error.
/// </summary>
public static class JsonText
{
    /// <summary>The string's value; null when the element is not a string or is not well-formed Unicode.</summary>
    public static string? ReadString(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>True when every string and property name in the element reads as well-formed Unicode.</summary>
    public static bool IsWellFormed(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => ReadString(element) is not null,
        JsonValueKind.Array => element.EnumerateArray().All(IsWellFormed),
        JsonValueKind.Object => element.EnumerateObject().All(p => NameIsWellFormed(p) && IsWellFormed(p.Value)),
        _ => true,
    };

    /// <summary>
    /// True when the object's own property names read as well-formed Unicode. TryGetProperty unescapes names as it
    /// compares them and throws on a lone surrogate escape; callers use this to tell that apart from a bug.
    /// </summary>
    public static bool NamesAreWellFormed(JsonElement element) =>
        element.ValueKind != JsonValueKind.Object || element.EnumerateObject().All(NameIsWellFormed);

    private static bool NameIsWellFormed(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
