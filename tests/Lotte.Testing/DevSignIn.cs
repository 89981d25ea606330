using System.Net;
using System.Text.RegularExpressions;

namespace Lotte.Testing;

/// <summary>
/// Signs in through the Development sign-in form over plain HTTP, as a browser would: fetch the form
/// (antiforgery token + cookie), post it, keep the session cookie. Cookies are carried by hand because
/// the session cookie is Secure, which HttpClient's cookie container withholds over http://.
/// </summary>
public static partial class DevSignIn
{
    public static async Task<HttpClient> ClientAsync(Uri baseAddress, string account)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        using var form = await client.GetAsync(new Uri("account/dev-login", UriKind.Relative));
        var html = await form.Content.ReadAsStringAsync();
        var antiforgeryCookie = Cookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = AntiforgeryField().Match(html).Groups["token"].Value;

        using var post = new HttpRequestMessage(HttpMethod.Post, "account/dev-login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["account"] = account, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        using var signedIn = await client.SendAsync(post);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Development sign-in as {account} failed: {signedIn.StatusCode}");
        }

        var session = Cookies(signedIn).Single(c => c.StartsWith("lotte.auth", StringComparison.Ordinal));
        client.DefaultRequestHeaders.Add("Cookie", $"{antiforgeryCookie}; {session}");
        return client;
    }

    /// <summary>The antiforgery token of a page's form, for posting forms as a signed-in user.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        return AntiforgeryField().Match(html).Groups["token"].Value;
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    // Attribute order is the renderer's business: match the input element, then its value.
    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"|<input[^>]*value=\"(?<token>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryField();
}
