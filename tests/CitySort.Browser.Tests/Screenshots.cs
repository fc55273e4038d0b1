using CitySort.Testing;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// Where the browser tests save their screenshots: the committed docs/screenshots/ only when
/// <c>CITYSORT_UPDATE_SCREENSHOTS=true</c> (retaking them on purpose), else a temporary folder, so that a plain
/// <c>dotnet test</c> leaves the working tree as it was.
/// </summary>
internal static class Screenshots
{
    /// <summary>The environment variable that lets the tests rewrite docs/screenshots/.</summary>
    public const string UpdateVariable = "CITYSORT_UPDATE_SCREENSHOTS";

    /// <summary>True when <see cref="UpdateVariable"/> is <c>true</c> (case-insensitive).</summary>
    public static bool Updating => string.Equals(Environment.GetEnvironmentVariable(UpdateVariable), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder screenshots go to this run: docs/screenshots/ when updating, else a temporary folder.</summary>
    public static string Folder { get; } = CreateFolder();

    /// <summary>Saves a screenshot of <paramref name="page"/> as <paramref name="fileName"/> in <see cref="Folder"/>.</summary>
    public static Task SaveAsync(IPage page, string fileName, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, fileName), FullPage = fullPage });

    private static string CreateFolder()
    {
        var folder = Updating
            ? Path.Combine(Requires.RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "citysort-screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
