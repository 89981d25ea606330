using Lotte.Testing;
using Microsoft.Playwright;

namespace Lotte.EndToEnd;

public class RunCommandTests
{
    [Fact]
    public async Task RunCommand_FreshDatabase_ExperimentsPageListsBothDemoExperimentsInChromium()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var run = await RunCommand.StartAsync(database.ConnectionString);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await page.GotoAsync(new Uri(run.BaseAddress, "experiments").ToString());
            await Assertions.Expect(page.Locator("[data-testid=dev-login-warning]")).ToBeVisibleAsync(); // anonymous → sign-in first
            await page.ClickAsync("[data-testid=dev-login-viewer]");

            var rows = page.Locator("[data-testid=experiments-table] tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = "undervaluation-v4" })).ToBeVisibleAsync();
            await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = "undervaluation-v5" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Lotte.Dashboard");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("experiments-list.png"), FullPage = true });
        }

        var exitCode = await run.InterruptAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, $"Ctrl-C should stop the app cleanly; exit code {exitCode}:\n{run.Output}");
    }
}
