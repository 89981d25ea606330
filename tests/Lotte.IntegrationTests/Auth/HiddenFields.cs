using System.Net;
using System.Text.RegularExpressions;

namespace Lotte.IntegrationTests.Auth;

/// <summary>The hidden inputs of an HTML form (the antiforgery token, the return URL), read as a browser would post them.</summary>
internal static partial class HiddenFields
{
    public static Dictionary<string, string> Of(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();
}
