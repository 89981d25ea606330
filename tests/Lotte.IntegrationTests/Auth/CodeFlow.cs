using System.Collections.Specialized;
using System.Net;
using System.Text.Json;
using System.Web;
using Lotte.Testing;

namespace Lotte.IntegrationTests.Auth;

/// <summary>
/// One run of the authorization code flow with PKCE, driven over HTTP as the dashboard and a browser
/// would: one cookie jar (the browser), redirects read rather than followed, so every hop can be checked.
/// </summary>
internal sealed class CodeFlow(OidcProviderFixture fixture) : IDisposable
{
    public HttpClient Browser { get; } = fixture.Provider.CreateClient();
    public string CodeVerifier { get; } = Pkce.NewVerifier();
    public string State { get; } = Guid.NewGuid().ToString("N");
    public string Nonce { get; } = Guid.NewGuid().ToString("N");

    public Uri AuthorizeUri(bool withPkce = true)
    {
        var query = HttpUtility.ParseQueryString("");
        query["client_id"] = OidcProviderProcess.ClientId;
        query["response_type"] = "code";
        query["scope"] = OidcProviderProcess.Scopes;
        query["redirect_uri"] = fixture.RedirectUri.AbsoluteUri;
        query["state"] = State;
        query["nonce"] = Nonce;
        if (withPkce)
        {
            query["code_challenge"] = Pkce.Challenge(CodeVerifier);
            query["code_challenge_method"] = "S256";
        }

        return new Uri(fixture.Provider.Authority, $"connect/authorize?{query}");
    }

    /// <summary>GET <paramref name="uri"/>, expecting a redirect; its target, made absolute.</summary>
    public async Task<Uri> RedirectOfAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await Browser.GetAsync(uri, cancellationToken);
        return Target(response);
    }

    /// <summary>The authorization request of a browser without a provider session: lands on the login page (its HTML).</summary>
    public async Task<string> OpenLoginPageAsync(CancellationToken cancellationToken)
    {
        var login = await RedirectOfAsync(AuthorizeUri(), cancellationToken);
        Assert.Equal("/account/login", login.AbsolutePath);
        return await Browser.GetStringAsync(login, cancellationToken);
    }

    /// <summary>Posts the login form of <paramref name="loginPage"/> (its hidden fields included) with these credentials.</summary>
    public Task<HttpResponseMessage> PostLoginAsync(string loginPage, string username, string password, CancellationToken cancellationToken)
    {
        var fields = HiddenFields.Of(loginPage);
        fields["username"] = username;
        fields["password"] = password;
        return Browser.PostAsync(new Uri("account/login", UriKind.Relative), new FormUrlEncodedContent(fields), cancellationToken);
    }

    /// <summary>Signs in through the login page and returns the query the provider sends to the redirect URI (code, state, iss).</summary>
    public async Task<NameValueCollection> SignInAsync(OidcTestUser user, CancellationToken cancellationToken)
    {
        var loginPage = await OpenLoginPageAsync(cancellationToken);
        using var login = await PostLoginAsync(loginPage, user.Username, user.Password, cancellationToken);
        var callback = await RedirectOfAsync(Target(login), cancellationToken);
        Assert.Equal(fixture.RedirectUri.GetLeftPart(UriPartial.Path), callback.GetLeftPart(UriPartial.Path));
        return HttpUtility.ParseQueryString(callback.Query);
    }

    /// <summary>The token request of the dashboard (client_secret_post) for <paramref name="code"/>.</summary>
    public Task<HttpResponseMessage> RedeemAsync(string code, string codeVerifier, CancellationToken cancellationToken) =>
        Browser.PostAsync(new Uri("connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = fixture.RedirectUri.AbsoluteUri,
            ["code_verifier"] = codeVerifier,
            ["client_id"] = OidcProviderProcess.ClientId,
            ["client_secret"] = OidcProviderProcess.ClientSecret,
        }), cancellationToken);

    /// <summary>The whole flow for <paramref name="user"/>: the token response (id_token, access_token …).</summary>
    public async Task<JsonElement> TokensForAsync(OidcTestUser user, CancellationToken cancellationToken)
    {
        var callback = await SignInAsync(user, cancellationToken);
        using var response = await RedeemAsync(callback["code"]!, CodeVerifier, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public void Dispose() => Browser.Dispose();

    private static Uri Target(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}");
        return new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
    }
}
