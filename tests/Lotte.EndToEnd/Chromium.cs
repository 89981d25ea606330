using Lotte.Testing;
using Microsoft.Playwright;

namespace Lotte.EndToEnd;

/// <summary>Debian's Chromium (LOTTE_CHROMIUM overrides the path), headless, with no background networking.</summary>
public static class Chromium
{
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("LOTTE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Screenshots are kept as test artifacts under artifacts/screenshots/.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = RepositoryRoot.Combine("artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium not found at {ExecutablePath}: install Debian's chromium (test.sh does) or set LOTTE_CHROMIUM.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }
}
