using System.Net;
using Lotte.Core.Experiments;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lotte.EndToEnd;

/// <summary>
/// Sign-in through a real OpenID Connect provider (OpenIddict, code + PKCE) on loopback, the dashboard in
/// Production: role claims are mapped; a lead may approve; a viewer sees no button and a forged request
/// with the viewer's own session is refused by the server.
/// </summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private TestDatabase _providerDatabase = null!;
    private TestDatabase _database = null!;
    private OidcProviderProcess _provider = null!;
    private DashboardProcess _app = null!;

    public async ValueTask InitializeAsync()
    {
        _providerDatabase = await TestDatabase.CreateAsync(migrate: false);
        _database = await TestDatabase.CreateAsync();
        var port = FreePort.Next();
        _provider = await OidcProviderProcess.StartAsync(_providerDatabase.ConnectionString, dashboardPort: port);
        _app = await DashboardProcess.StartAsync(_database.ConnectionString, new Dictionary<string, string>
        {
            ["Auth:Oidc:Authority"] = _provider.Authority.ToString(),
            ["Auth:Oidc:ClientId"] = OidcProviderProcess.ClientId,
            ["Auth:Oidc:ClientSecret"] = OidcProviderProcess.ClientSecret,
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["Demo:Enabled"] = "true",
            ["Demo:Traffic"] = "false",
        }, environment: "Production", port: port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
        await _database.DisposeAsync();
        await _providerDatabase.DisposeAsync();
    }

    [Fact]
    public async Task LeadAndViewer_SignInThroughTheProvider_LeadMayApprove_ViewerNeitherSeesNorForgesIt()
    {
        var key = await PendingPromotion.CreateAsync(_database);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var lead = await SignInAsync(browser, OidcTestUsers.MlLead, key);
            await Assertions.Expect(lead.Locator("[data-testid=action-approve]")).ToBeVisibleAsync();
            await lead.ClickAsync("[data-testid=user-menu] button");
            await Assertions.Expect(lead.Locator("[data-testid=user-roles]")).ToContainTextAsync("ML team lead");
            await lead.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("oidc-lead.png"), FullPage = true });

            var viewer = await SignInAsync(browser, OidcTestUsers.Viewer, key);
            await Assertions.Expect(viewer.Locator("[data-testid=decision-card]")).ToBeVisibleAsync();
            await Assertions.Expect(viewer.Locator("[data-testid=lead-actions]")).ToHaveCountAsync(0);

            // The viewer's own session and antiforgery token (from the sign-out form), posting the approval the UI did not offer.
            await viewer.ClickAsync("[data-testid=user-menu] button");
            var token = await viewer.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
            var forged = await viewer.APIRequest.PostAsync(new Uri(_app.BaseAddress, $"experiments/{key}/actions/approve").ToString(),
                new() { Form = viewer.APIRequest.CreateFormData().Set("comment", "forged").Set("__RequestVerificationToken", token ?? "") });
            Assert.Equal((int)HttpStatusCode.Forbidden, forged.Status);
        }

        await using var db = _database.CreateContext();
        var experiment = await db.Experiments.SingleAsync(e => e.Key == key, TestContext.Current.CancellationToken);
        Assert.Equal(ExperimentStatus.AwaitingApproval, experiment.Status);
        Assert.False(await db.LeadActions.AnyAsync(a => a.ExperimentId == experiment.Id, TestContext.Current.CancellationToken));
    }

    private async Task<IPage> SignInAsync(IBrowser browser, OidcTestUser user, string key)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_app.BaseAddress, $"experiments/{key}").ToString());
        await page.FillAsync("#username", user.Username);
        await page.FillAsync("#password", user.Password);
        await page.ClickAsync("#sign-in");
        await page.Locator("[data-testid=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=experiment-title]")).ToBeVisibleAsync();
        return page;
    }
}
