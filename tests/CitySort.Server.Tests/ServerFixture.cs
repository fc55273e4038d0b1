using System.Net.Http.Headers;
using CitySort.Testing;

namespace CitySort.Server.Tests;

/// <summary>
/// One server per test class on a database of its own (no demo city), with a small hand-made registry imported
/// through the API, every table of it (Data/): four streets (test_divisions.csv), three communities
/// (test_communities.csv), four sites (test_sites.csv), three district boundaries in WGS-84 (test_boundaries.geojson),
/// two facilities, two haulers, three vehicles and two dedicated lines (test_facilities.csv, test_haulers.csv,
/// test_vehicles.csv, test_lines.csv). Their values and the sites' bin-rule results are worked out by hand in
/// <see cref="ApiTests{TFixture}"/>.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private RunningServer? _server;

    /// <summary>Why the server could not be started (a component is missing), or null.</summary>
    public string? MissingReason { get; private set; }

    /// <summary>The running server; skips the calling test when the database component is missing.</summary>
    public RunningServer Server
    {
        get
        {
            if (MissingReason is not null)
            {
                Requires.Missing(MissingReason);
            }

            return _server ?? throw new InvalidOperationException("The server fixture was not initialised.");
        }
    }

    /// <summary>Creates the database, or returns null with a reason when its component is missing.</summary>
    protected abstract Task<(TestDatabase? Database, string? MissingReason)> CreateDatabaseAsync();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        (_database, MissingReason) = await CreateDatabaseAsync();
        if (_database is null)
        {
            return;
        }

        _server = await RunningServer.StartAsync(new ServerOptions { Storage = _database.Storage, SeedDemo = false });
        await ImportOrThrowAsync("divisions", "test_divisions.csv");
        await ImportOrThrowAsync("communities", "test_communities.csv");
        await ImportOrThrowAsync("sites", "test_sites.csv");
        await ImportOrThrowAsync("boundaries", "test_boundaries.geojson", "?datum=wgs84");
        await ImportOrThrowAsync("facilities", "test_facilities.csv");
        await ImportOrThrowAsync("haulers", "test_haulers.csv");
        await ImportOrThrowAsync("vehicles", "test_vehicles.csv");
        await ImportOrThrowAsync("lines", "test_lines.csv");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Posts a file as multipart form data to <c>/api/imports/{kind}</c>.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string kind, string fileName, byte[] content, string? query = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri("api/imports/" + kind + query, UriKind.Relative), form);
    }

    private async Task ImportOrThrowAsync(string kind, string file, string? query = null)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Data", file));
        using var response = await PostFileAsync(_server!.Client, kind, file, bytes, query);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException("The test data " + file + " did not import: " + await response.Content.ReadAsStringAsync());
        }
    }
}
