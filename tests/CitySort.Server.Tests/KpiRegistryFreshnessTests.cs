using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CitySort.Server.Tests;

/// <summary>
/// <c>GET /api/kpis</c> sees a registry import made through the server at once, not after the registry's refresh
/// interval (30 s by default): the KPIs' registry follows the intake's snapshot, which the import invalidates.
/// </summary>
public sealed class KpiRegistryFreshnessTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_site_imported_through_the_api_counts_in_the_next_kpi_answer()
    {
        var client = fixture.Server.Client;
        // The fixture's registry has four sites (test_sites.csv); with no pickups none is covered (W96-T1): 0 of 4.
        Assert.Equal((0m, 4m), await CoverageAsync(client));

        // The same four sites and a fifth, T-R9, a copy of T-R1 under a new code.
        var sites = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "test_sites.csv"), Cancel);
        var first = sites.Split('\n')[1].TrimEnd('\r');
        var fifth = "T-R9,五马二期小区" + first[first.IndexOf(",residential-compound,", StringComparison.Ordinal)..];
        var content = sites.TrimEnd('\r', '\n') + "\n" + fifth + "\n";
        using (var import = await ServerFixture.PostFileAsync(client, "sites", "sites-with-T-R9.csv", Encoding.UTF8.GetBytes(content)))
        {
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        }

        // Asked again at once, well inside the refresh interval: 0 of 4 + 1 = 5 sites.
        Assert.Equal((0m, 5m), await CoverageAsync(client));
    }

    private static async Task<(decimal Numerator, decimal Denominator)> CoverageAsync(HttpClient client)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(new Uri("api/kpis?from=2015-12-01&to=2015-12-01&groupBy=day", UriKind.Relative), Json, Cancel);
        var coverage = body.GetProperty("periods")[0].GetProperty("figures").EnumerateArray().First(f => f.GetProperty("kpi").GetString() == "Coverage");
        return (coverage.GetProperty("numerator").GetDecimal(), coverage.GetProperty("denominator").GetDecimal());
    }
}
