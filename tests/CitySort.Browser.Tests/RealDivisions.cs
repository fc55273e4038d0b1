using System.Net.Http.Headers;
using CitySort.Server;
using CitySort.Server.Tests;

namespace CitySort.Browser.Tests;

/// <summary>
/// Puts the real Wenzhou streets (../shared/data/divisions/wenzhou_streets.csv) and district boundaries
/// (../shared/data/geo/wenzhou_districts.geojson, GCJ-02) into a test database through the import API, so that the
/// demo city a later server start seeds lies on them.
/// </summary>
internal static class RealDivisions
{
    /// <summary>Starts a server without the demo city on <paramref name="database"/>, imports both files, and stops it.</summary>
    /// <param name="database">The test database to fill.</param>
    /// <param name="shared">The shared data folder (<see cref="CitySort.Testing.Requires.SharedData"/>).</param>
    public static async Task ImportAsync(TestDatabase database, string shared)
    {
        await using var importer = await RunningServer.StartAsync(new ServerOptions { Storage = database.Storage, SeedDemo = false }, TestContext.Current.CancellationToken);
        await PostAsync(importer, "divisions", Path.Combine(shared, "divisions", "wenzhou_streets.csv"));
        await PostAsync(importer, "boundaries?datum=gcj02", Path.Combine(shared, "geo", "wenzhou_districts.geojson"));
    }

    private static async Task PostAsync(RunningServer server, string kind, string path)
    {
        using var content = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", Path.GetFileName(path));
        using var response = await server.Client.PostAsync(new Uri("api/imports/" + kind, UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, kind + " import failed: " + await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
