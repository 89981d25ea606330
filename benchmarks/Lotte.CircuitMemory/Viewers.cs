using Lotte.EndToEnd;
using Microsoft.Playwright;

namespace Lotte.CircuitMemory;

/// <summary>
/// People looking at one experiment page: each in its own browser context (its own cookies and Blazor circuit) of
/// one Chromium, opened one after the other and kept open; each signs in first with the Development sign-in as
/// <paramref name="account"/> when one is given.
/// </summary>
public sealed class Viewers(IBrowser browser, Uri pageUrl, string? account = null)
{
    private static readonly string[] ChartIds = ["chart-conversion", "chart-pvalue", "chart-errors", "chart-lift", "chart-sample-ratio"];
    private static readonly TimeSpan ChartTimeout = TimeSpan.FromSeconds(60);
    private readonly List<(IBrowserContext Context, IPage Page)> _open = [];

    public int Count => _open.Count;

    /// <summary>Opens one more viewer and waits until its circuit is interactive and all five charts have drawn.</summary>
    public async Task OpenAsync()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        _open.Add((context, page));
        if (account is null)
        {
            await page.OpenAsync(pageUrl);
        }
        else
        {
            await page.AsAsync(new Uri(pageUrl, "/"), account, pageUrl.AbsolutePath);
        }

        foreach (var chart in ChartIds)
        {
            await page.Locator($"[data-testid={chart}] svg.apexcharts-svg")
                .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = (float)ChartTimeout.TotalMilliseconds });
        }
    }

    /// <summary>How many times each viewer's sample-ratio chart was updated in place by a live change.</summary>
    public async Task<int[]> ChartUpdatesAsync()
    {
        var updates = new int[_open.Count];
        for (var i = 0; i < _open.Count; i++)
        {
            var value = await _open[i].Page.Locator("[data-testid=chart-sample-ratio] .lotte-chart__plot").GetAttributeAsync("data-updates");
            updates[i] = int.TryParse(value, out var n) ? n : 0;
        }

        return updates;
    }

    /// <summary>
    /// Closes every viewer. The first <paramref name="graceful"/> leave as a closed tab does (pagehide, so Blazor's
    /// disconnect beacon is sent); the others vanish as a dropped connection does, leaving a disconnected circuit.
    /// </summary>
    public async Task CloseAllAsync(int graceful)
    {
        for (var i = 0; i < _open.Count; i++)
        {
            var (context, page) = _open[i];
            if (i < graceful)
            {
                await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
            else
            {
                // Offline first, so the beacon Chromium still sends on closing never arrives.
                await context.SetOfflineAsync(true);
            }

            await context.CloseAsync();
        }

        _open.Clear();
    }
}
