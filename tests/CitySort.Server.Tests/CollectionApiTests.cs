using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitySort.Collection;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Tests;

/// <summary><c>GET /api/kpis</c> and <c>GET /api/rejections</c> through the real HTTP pipeline (SQLite).</summary>
public sealed class CollectionApiTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kpis_answer_per_period_with_each_figures_target_and_clause()
    {
        using var response = await fixture.Server.Client.GetAsync(new Uri("api/kpis?from=2015-12-01&to=2015-12-02&groupBy=day", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
        Assert.Equal("2015-12-01", body.GetProperty("from").GetString());
        var periods = body.GetProperty("periods").EnumerateArray().ToArray();
        Assert.Equal(["2015-12-01", "2015-12-02"], periods.Select(p => p.GetProperty("period").GetString()));
        var coverage = periods[0].GetProperty("figures").EnumerateArray().First(f => f.GetProperty("kpi").GetString() == "Coverage");
        // No pickups yet: no site was collected sorted, so none is covered (W96-T1): 0 of the 4 test sites.
        Assert.Equal((0m, 4m), (coverage.GetProperty("numerator").GetDecimal(), coverage.GetProperty("denominator").GetDecimal()));
        Assert.Equal(("W96-T1", "AtLeast"), (coverage.GetProperty("clauseId").GetString(), coverage.GetProperty("targetComparison").GetString()));
        Assert.False(coverage.GetProperty("met").GetBoolean());
        // The answer names the profile it was computed with, the one the coverage report names too.
        var report = await fixture.Server.Client.GetFromJsonAsync<JsonElement>(new Uri("api/coverage", UriKind.Relative), Json, Cancel);
        Assert.Equal("wenzhou-2015", body.GetProperty("profileId").GetString());
        Assert.Equal(report.GetProperty("profileVersion").GetString(), body.GetProperty("profileVersion").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("profileVersion").GetString()));
    }

    [Theory]
    [InlineData("api/kpis?to=2015-12-01")]
    [InlineData("api/kpis?from=2015-12-01&to=01/12/2015")]
    [InlineData("api/kpis?from=2015-12-02&to=2015-12-01")]
    [InlineData("api/kpis?from=2015-12-01&to=2015-12-01&groupBy=week")]
    public async Task A_bad_kpi_request_is_a_problem_document(string path)
    {
        using var response = await fixture.Server.Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Rejections_are_listed_and_their_csv_cannot_become_formulas()
    {
        var intake = fixture.Server.Services.GetRequiredService<IEventIntake>();
        var device = new DeviceIdentity("csv-formula-device", DeviceKind.Vehicle, "浙C00000");
        await intake.SubmitAsync(device, [new IncomingEvent(EventKind.Pickup, Encoding.UTF8.GetBytes("=HYPERLINK(\"http://x\")"), "=cmd|' /C calc'!A0")], Cancel);

        var list = await fixture.Server.Client.GetFromJsonAsync<JsonElement>(new Uri("api/rejections?deviceId=csv-formula-device", UriKind.Relative), Json, Cancel);
        var csv = await fixture.Server.Client.GetStringAsync(new Uri("api/rejections?deviceId=csv-formula-device&format=csv", UriKind.Relative), Cancel);

        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal(("malformed", "=HYPERLINK(\"http://x\")"), (row.GetProperty("reasonCode").GetString(), row.GetProperty("payload").GetString()));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,receivedAt,deviceId,source,eventId,outcome,reasonCode,reason,reasonZh,payload,clientId,droppedCount", lines[0]);
        Assert.Contains(",'=cmd|' /C calc'!A0,", lines[1], StringComparison.Ordinal);
        // The payload, then the empty client id and the dropped count 0 of an intake rejection.
        Assert.EndsWith(",\"'=HYPERLINK(\"\"http://x\"\")\",,0", lines[1], StringComparison.Ordinal);
    }
}
