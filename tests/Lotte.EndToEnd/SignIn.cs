using Microsoft.Playwright;

namespace Lotte.EndToEnd;

internal static class SignIn
{
    /// <summary>Signs in with the Development sign-in as one of its demo accounts and lands on <paramref name="returnPath"/>.</summary>
    public static async Task AsAsync(this IPage page, Uri baseAddress, string account, string returnPath = "/experiments")
    {
        await page.GotoAsync(new Uri(baseAddress, $"account/dev-login?returnUrl={Uri.EscapeDataString(returnPath)}").ToString());
        await page.ClickAsync($"[data-testid=dev-login-{account}]");
        await page.Locator("[data-testid=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
    }
}
