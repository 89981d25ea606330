using Lotte.Core.Experiments;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lotte.EndToEnd;

/// <summary>A lead signs in (Development sign-in), approves a pending promotion with a comment, and the audit page shows it.</summary>
public class LeadApprovalTests
{
    [Fact]
    public async Task Lead_ApprovesAPendingPromotionWithAComment_AndTheAuditPageShowsIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = await DashboardProcess.StartAsync(database.ConnectionString,
            new Dictionary<string, string> { ["Demo:Enabled"] = "true", ["Demo:Traffic"] = "false" });
        var key = await PendingPromotion.CreateAsync(database);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.AsAsync(app.BaseAddress, "ml-lead", $"/experiments/{key}");
            await Assertions.Expect(page.Locator("[data-testid=status-chip]").First).ToContainTextAsync("Awaiting approval");

            await page.ClickAsync("[data-testid=action-approve]");
            await page.FillAsync("[data-testid=action-form] textarea", "Contract rate up in every region; offline MAE better too.");
            await page.ClickAsync("[data-testid=action-confirm]");

            await Assertions.Expect(page.Locator("[data-testid=status-chip]").First).ToContainTextAsync("Promoted", new() { Timeout = 10_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("lead-approved.png"), FullPage = true });
            await page.OpenAsync(new Uri(app.BaseAddress, "audit"));
            var row = page.Locator("[data-testid=audit-table] tbody tr", new() { HasTextString = "decision.approved" });
            await Assertions.Expect(row).ToContainTextAsync("ml-lead");
            await Assertions.Expect(row).ToContainTextAsync("Contract rate up in every region");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("audit-approved.png"), FullPage = true });
        }

        await using var db = database.CreateContext();
        Assert.Equal(ExperimentStatus.Promoted, await db.Experiments.Where(e => e.Key == key).Select(e => e.Status).SingleAsync(TestContext.Current.CancellationToken));
    }
}
