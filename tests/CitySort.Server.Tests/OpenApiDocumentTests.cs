using CitySort.Testing;

namespace CitySort.Server.Tests;

/// <summary>
/// The OpenAPI document served at /openapi/v1.json must equal the committed docs/openapi.json, so a change of the API
/// shows in review. To refresh the committed file after an intended change, run
/// <c>CITYSORT_UPDATE_OPENAPI=true dotnet test --project tests/CitySort.Server.Tests</c> (docs/api.md).
/// </summary>
public sealed class OpenApiDocumentTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task The_served_OpenAPI_document_equals_the_committed_one()
    {
        var committedPath = Path.Combine(Requires.RepositoryRoot(), "docs", "openapi.json");
        var served = Normalise(await fixture.Server.Client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken));
        if (string.Equals(Environment.GetEnvironmentVariable("CITYSORT_UPDATE_OPENAPI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            await File.WriteAllTextAsync(committedPath, served, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committedPath), "docs/openapi.json is missing; create it with CITYSORT_UPDATE_OPENAPI=true (docs/api.md).");
        var committed = Normalise(await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken));
        Assert.Equal(committed, served);
    }

    [Fact]
    public async Task The_API_reference_page_is_served()
    {
        var page = await fixture.Server.Client.GetStringAsync(new Uri("api/reference/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("CitySort API", page, StringComparison.Ordinal);
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
