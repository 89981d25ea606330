using Microsoft.Playwright;

namespace Lotte.EndToEnd;

internal static class PageExtensions
{
    /// <summary>Opens a page and waits until its Blazor circuit is interactive (clicks before that do nothing).</summary>
    public static async Task OpenAsync(this IPage page, Uri url)
    {
        await page.GotoAsync(url.ToString());
        await page.Locator("[data-testid=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
    }
}
