using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Web;
using Lotte.Testing;

namespace Lotte.IntegrationTests.Auth;

/// <summary>
/// The test OpenID Connect provider as a real process, spoken to over HTTP in the protocol's own terms:
/// what the dashboard's OIDC handler and a browser will rely on.
/// </summary>
public sealed class OidcProviderTests(OidcProviderFixture fixture) : IClassFixture<OidcProviderFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_ListsTheEndpointsAndOnlyS256()
    {
        var discovery = await GetJsonAsync(".well-known/openid-configuration");

        var authority = fixture.Provider.Authority;
        Assert.Equal(authority.AbsoluteUri, discovery.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(authority, "connect/authorize").AbsoluteUri, discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(new Uri(authority, "connect/token").AbsoluteUri, discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(new Uri(authority, "connect/userinfo").AbsoluteUri, discovery.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal(new Uri(authority, "connect/endsession").AbsoluteUri, discovery.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(new Uri(authority, ".well-known/jwks").AbsoluteUri, discovery.GetProperty("jwks_uri").GetString());
        Assert.Equal(["S256"], Strings(discovery.GetProperty("code_challenge_methods_supported")));
        Assert.Equal(["code"], Strings(discovery.GetProperty("response_types_supported")));
        Assert.All(OidcProviderProcess.Scopes.Split(' '), scope => Assert.Contains(scope, Strings(discovery.GetProperty("scopes_supported"))));
        Assert.Contains(OidcProviderProcess.RoleClaim, Strings(discovery.GetProperty("claims_supported")));
    }

    [Fact]
    public async Task Jwks_HasAnRsaSigningKey()
    {
        var jwks = await GetJsonAsync(".well-known/jwks");

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal(("RSA", "sig", "RS256"), (key.GetProperty("kty").GetString(), key.GetProperty("use").GetString(), key.GetProperty("alg").GetString()));
    }

    [Fact]
    public async Task CodeFlow_MlLead_IdTokenIsSignedAndCarriesTheUserAndRoles()
    {
        using var flow = new CodeFlow(fixture);

        var callback = await flow.SignInAsync(OidcTestUsers.MlLead, _ct);
        Assert.Equal(flow.State, callback["state"]);
        Assert.Equal(fixture.Provider.Authority.AbsoluteUri, callback["iss"]);
        using var response = await flow.RedeemAsync(callback["code"]!, flow.CodeVerifier, _ct);
        var tokens = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(_ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString()!);
        Assert.True(idToken.IsSignedBy(await GetJsonAsync(".well-known/jwks")));
        var claims = idToken.Payload;
        Assert.Equal(fixture.Provider.Authority.AbsoluteUri, claims.GetProperty("iss").GetString());
        Assert.Equal(OidcProviderProcess.ClientId, claims.GetProperty("aud").GetString());
        Assert.Equal(flow.Nonce, claims.GetProperty("nonce").GetString());
        Assert.Equal("ml-lead", claims.GetProperty("sub").GetString());
        Assert.Equal("Min-jun Lead", claims.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Array, claims.GetProperty("roles").ValueKind);
        Assert.Equal(["MlLead"], Strings(claims.GetProperty("roles")));
    }

    public static TheoryData<string> Usernames => [.. OidcTestUsers.All.Select(u => u.Username)];

    [Theory]
    [MemberData(nameof(Usernames))]
    public async Task CodeFlow_EachDefaultUser_GetsTheClaimsTheLauncherAnnounces(string username)
    {
        var user = OidcTestUsers.All.Single(u => u.Username == username);
        using var flow = new CodeFlow(fixture);

        var tokens = await flow.TokensForAsync(user, _ct);

        var claims = new JsonWebToken(tokens.GetProperty("id_token").GetString()!).Payload;
        Assert.Equal((user.Username, user.DisplayName, user.Username, user.Email),
            (claims.GetProperty("sub").GetString(), claims.GetProperty("name").GetString(),
             claims.GetProperty("preferred_username").GetString(), claims.GetProperty("email").GetString()));
        Assert.Equal([user.Role], Strings(claims.GetProperty(OidcProviderProcess.RoleClaim)));
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsTheFormAgainWithAnError()
    {
        using var flow = new CodeFlow(fixture);
        var loginPage = await flow.OpenLoginPageAsync(_ct);

        using var response = await flow.PostLoginAsync(loginPage, OidcTestUsers.MlLead.Username, "wrong-password", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(_ct);
        Assert.Contains("The username or password is incorrect.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sign-in\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ml-lead\"", html, StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Login_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var flow = new CodeFlow(fixture);
        await flow.OpenLoginPageAsync(_ct);

        using var response = await flow.PostLoginAsync("<form></form>", OidcTestUsers.MlLead.Username, OidcTestUsers.Password, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Token_WrongCodeVerifier_IsInvalidGrant()
    {
        using var flow = new CodeFlow(fixture);
        var callback = await flow.SignInAsync(OidcTestUsers.MlLead, _ct);

        using var response = await flow.RedeemAsync(callback["code"]!, Pkce.NewVerifier(), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(_ct));
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorize_WithoutCodeChallenge_IsRefused()
    {
        using var flow = new CodeFlow(fixture);

        using var response = await flow.Browser.GetAsync(flow.AuthorizeUri(withPkce: false), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(_ct);
        Assert.Contains("error:invalid_request", body, StringComparison.Ordinal);
        Assert.Contains("'code_challenge'", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_PromptNoneWithoutSession_ReturnsLoginRequiredToTheClient()
    {
        using var flow = new CodeFlow(fixture);

        var callback = await flow.RedirectOfAsync(new Uri($"{flow.AuthorizeUri()}&prompt=none"), _ct);

        Assert.Equal(fixture.RedirectUri.GetLeftPart(UriPartial.Path), callback.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal(("login_required", flow.State), (query["error"], query["state"]));
    }

    [Fact]
    public async Task UserInfo_WithTheAccessToken_ReturnsTheUserAndRoles()
    {
        using var flow = new CodeFlow(fixture);
        var tokens = await flow.TokensForAsync(OidcTestUsers.ProductLead, _ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());

        using var response = await flow.Browser.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(_ct));
        Assert.Equal(("product-lead", "Pat Product", "product-lead@lotte.test"),
            (claims.GetProperty("sub").GetString(), claims.GetProperty("name").GetString(), claims.GetProperty("email").GetString()));
        Assert.Equal(["ProductLead"], Strings(claims.GetProperty("roles")));
    }

    [Fact]
    public async Task EndSession_WithIdTokenHint_RedirectsToThePostLogoutUriAndEndsTheSession()
    {
        using var flow = new CodeFlow(fixture);
        var tokens = await flow.TokensForAsync(OidcTestUsers.Admin, _ct);

        var signedOut = await flow.RedirectOfAsync(EndSessionUri(tokens.GetProperty("id_token").GetString()!, fixture.PostLogoutRedirectUri), _ct);

        Assert.Equal(fixture.PostLogoutRedirectUri.AbsoluteUri, signedOut.GetLeftPart(UriPartial.Path));
        Assert.Equal("after-logout", HttpUtility.ParseQueryString(signedOut.Query)["state"]);
        var next = await flow.RedirectOfAsync(flow.AuthorizeUri(), _ct);
        Assert.Equal("/account/login", next.AbsolutePath);
    }

    [Fact]
    public async Task EndSession_UnregisteredPostLogoutUri_IsRefused()
    {
        using var flow = new CodeFlow(fixture);
        var tokens = await flow.TokensForAsync(OidcTestUsers.Viewer, _ct);
        var elsewhere = new Uri("http://127.0.0.1:9/elsewhere");

        using var response = await flow.Browser.GetAsync(EndSessionUri(tokens.GetProperty("id_token").GetString()!, elsewhere), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var signedIn = await flow.RedirectOfAsync(flow.AuthorizeUri(), _ct);
        Assert.Equal(fixture.RedirectUri.GetLeftPart(UriPartial.Path), signedIn.GetLeftPart(UriPartial.Path));
    }

    private Uri EndSessionUri(string idToken, Uri postLogoutRedirectUri)
    {
        var query = HttpUtility.ParseQueryString("");
        query["id_token_hint"] = idToken;
        query["post_logout_redirect_uri"] = postLogoutRedirectUri.AbsoluteUri;
        query["state"] = "after-logout";
        return new Uri(fixture.Provider.Authority, $"connect/endsession?{query}");
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var client = fixture.Provider.CreateClient();
        return JsonSerializer.Deserialize<JsonElement>(await client.GetStringAsync(new Uri(path, UriKind.Relative), _ct));
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
