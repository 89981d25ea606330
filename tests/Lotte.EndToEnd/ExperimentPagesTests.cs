using System.Diagnostics;
using System.Text.RegularExpressions;
using Lotte.Core.Decisions;
using Lotte.Core.Demo;
using Lotte.Core.Drift;
using Lotte.Core.Statistics.Drift;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lotte.EndToEnd;

/// <summary>The experiments list and an experiment's page in Chromium, against the real app and PostgreSQL.</summary>
public class ExperimentPagesTests(DemoDashboard dashboard) : IClassFixture<DemoDashboard>
{
    private static readonly string[] ChartIds =
        ["chart-conversion", "chart-pvalue", "chart-errors", "chart-lift", "chart-sample-ratio", "chart-drift-histograms", "chart-drift-psi", "chart-drift-ks"];

    [Fact]
    public async Task DetailPage_ShowsEveryChartWithItsSeries_AndUpdatesLiveWithinTwoSeconds()
    {
        await AddDriftLooksAsync(DemoSeeder.BetterStagingKey); // before the traffic, whose change notification refreshes open pages
        await dashboard.SendTrafficAsync(DemoSeeder.BetterStagingKey, batch: 0, productionUnits: 90, stagingUnits: 10,
            occurredAt: DateTimeOffset.UtcNow.AddMinutes(-30));
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.AsAsync(dashboard.App.BaseAddress, "viewer");
            await Assertions.Expect(page.Locator("[data-testid=experiments-table] tbody tr")).ToHaveCountAsync(2);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("experiments-list-live.png"), FullPage = true });

            await page.ClickAsync($"text={DemoSeeder.BetterStagingKey}");
            await Assertions.Expect(page.Locator("[data-testid=experiment-title]")).ToContainTextAsync("v4");
            foreach (var chart in ChartIds)
            {
                await Assertions.Expect(page.Locator($"[data-testid={chart}] svg.apexcharts-svg")).ToBeVisibleAsync();
            }

            await AssertLegendAsync(page, "chart-conversion", "Production", "Staging", "Production 95% interval", "Staging 95% interval");
            await AssertLegendAsync(page, "chart-pvalue", "Policy p-value (Sequential)", "Naive p-value (peeking)");
            await AssertLegendAsync(page, "chart-errors", "Production", "Staging");
            await AssertLegendAsync(page, "chart-lift", "Lift", "Lift 95% interval");
            await AssertLegendAsync(page, "chart-sample-ratio", "Production", "Staging", "Expected Staging units (10%)");
            await AssertLegendAsync(page, "chart-drift-histograms", "Reference", "Production", "Staging");
            await AssertLegendAsync(page, "chart-drift-psi", "Staging vs reference", "Production vs reference");
            await AssertLegendAsync(page, "chart-drift-ks", "Staging vs reference", "Production vs reference");
            await Assertions.Expect(page.Locator("[data-testid=decision-card] [data-testid=drift-warning]")).ToHaveAttributeAsync("data-level", "Alert");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("experiment-detail.png"), FullPage = true });

            var delays = await MeasureLiveUpdatesAsync(page, updates: 20);
            var p95 = delays.Order().ElementAt((int)Math.Ceiling(0.95 * delays.Count) - 1);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Live update delay over {delays.Count} updates: p50 {delays.Order().ElementAt(delays.Count / 2):F0} ms, p95 {p95:F0} ms, max {delays.Max():F0} ms");
            Assert.True(p95 < 2_000, $"p95 of the live update delay was {p95:F0} ms");
        }
    }

    [Fact]
    public async Task LanguageSwitch_ToKorean_ShowsKoreanLabels()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.AsAsync(dashboard.App.BaseAddress, "viewer", $"/experiments/{DemoSeeder.BetterStagingKey}");
            await page.ClickAsync("[data-testid=language-menu] button");
            await page.ClickAsync("[data-testid=language-ko]");

            await Assertions.Expect(page.Locator(".mud-drawer")).ToContainTextAsync("실험");
            await Assertions.Expect(page.Locator("[data-testid=decision-card]")).ToContainTextAsync("테스트 계속");
            await Assertions.Expect(page.Locator("[data-testid=arm-table]")).ToContainTextAsync("운영 모델");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("experiment-detail-ko.png"), FullPage = true });
        }
    }

    [Theory]
    [InlineData(1280, 800, "desktop")]
    [InlineData(820, 1180, "tablet")]
    public async Task Pages_AtDesktopAndTabletWidths_DoNotOverflowHorizontally(int width, int height, string name)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            await page.AsAsync(dashboard.App.BaseAddress, "engineer");
            foreach (var path in new[] { "experiments", $"experiments/{DemoSeeder.BetterStagingKey}", "experiments/new" })
            {
                await page.OpenAsync(dashboard.Url(path));
                await page.WaitForTimeoutAsync(300);
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{path} overflows a {width} px window by {overflow} px");
            }

            await page.OpenAsync(dashboard.Url($"experiments/{DemoSeeder.BetterStagingKey}"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath($"experiment-detail-{name}.png"), FullPage = true });
        }
    }

    /// <summary>
    /// Two drift looks as the decision evaluator stores them (it is off in these tests): Staging's scores moved to the
    /// upper half of the range, Production's stayed on the reference.
    /// </summary>
    private async Task AddDriftLooksAsync(string experimentKey)
    {
        await using var db = dashboard.Database.CreateContext();
        var experiment = await db.Experiments.SingleAsync(e => e.Key == experimentKey);
        var lower = new ScoreHistogram(ScoreBinning.Default, Enumerable.Range(0, 20).Select(i => i < 12 ? 100L : 10).ToArray());
        var upper = new ScoreHistogram(ScoreBinning.Default, Enumerable.Range(0, 20).Select(i => i >= 8 ? 60L : 5).ToArray());
        var now = DateTimeOffset.UtcNow;
        var histograms = new DriftHistograms(lower, lower, upper, DriftReferenceKind.ExperimentStart, now.AddHours(-2), now.AddHours(-1));
        foreach (var at in new[] { now.AddMinutes(-20), now.AddMinutes(-10) })
        {
            db.DriftLooks.Add(DriftStore.ToRow(experiment.Id, DriftAssessment.Assess(histograms, DriftPolicy.Default, at), histograms));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Posts traffic through the API and times until the page's numbers and chart have changed.</summary>
    private async Task<List<double>> MeasureLiveUpdatesAsync(IPage page, int updates)
    {
        var stagingUnits = page.Locator("[data-testid=arm-staging] [data-testid=units]");
        var chart = page.Locator("[data-testid=chart-sample-ratio] .lotte-chart__plot");
        var delays = new List<double>();
        for (var batch = 1; batch <= updates; batch++)
        {
            var unitsBefore = await stagingUnits.InnerTextAsync();
            var updatesBefore = await chart.GetAttributeAsync("data-updates") ?? "0";
            var clock = Stopwatch.StartNew();
            await dashboard.SendTrafficAsync(DemoSeeder.BetterStagingKey, batch, productionUnits: 45, stagingUnits: 5,
                occurredAt: DateTimeOffset.UtcNow.AddMinutes(batch - updates - 1));
            await Assertions.Expect(stagingUnits).Not.ToHaveTextAsync(unitsBefore, new() { Timeout = 10_000 });
            await Assertions.Expect(chart).Not.ToHaveAttributeAsync("data-updates", updatesBefore, new() { Timeout = 10_000 });
            delays.Add(clock.Elapsed.TotalMilliseconds);
        }

        // Updated in place every time, never re-created (no flicker, zoom kept).
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-renders", "1");
        return delays;
    }

    private static async Task AssertLegendAsync(IPage page, string chart, params string[] series)
    {
        foreach (var name in series)
        {
            var exactly = new Regex($"^{Regex.Escape(name)}$");
            await Assertions.Expect(page.Locator($"[data-testid={chart}] .apexcharts-legend-text", new() { HasTextRegex = exactly })).ToHaveCountAsync(1);
        }
    }
}
