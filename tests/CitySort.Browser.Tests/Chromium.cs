using CitySort.Testing;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>) driven by Playwright; the browser is never downloaded by
/// Playwright. Skips the test (fails it under CI=true) when /usr/bin/chromium is absent.
/// </summary>
public static class Chromium
{
    /// <summary>Where Debian installs Chromium.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Launches headless Chromium, or skips the test when it is not installed.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Requires.Missing("Chromium is not installed at " + ExecutablePath + " (apt-get install -y chromium)");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        return (playwright, browser);
    }
}
