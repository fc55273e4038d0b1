using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitySort.Imports;

namespace CitySort.Server.Tests;

/// <summary>
/// Issue 10 defect 12: every error is an RFC 9457 problem document in the request's language (Accept-Language,
/// Chinese by default), never an empty body or a .NET type name; and defect 10's one size limit at the API.
/// </summary>
public sealed class ProblemDocumentTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.Server.Client;

    private async Task<(HttpStatusCode Status, JsonElement Problem, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request, string? language)
    {
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var response = await Client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.False(string.IsNullOrWhiteSpace(text), $"{(int)response.StatusCode} with an empty body");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        return (response.StatusCode, problem, response);
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString() ?? string.Empty;

    /// <summary>400 from binding: the parameter and the kind of value, no <c>Nullable&lt;int&gt;</c>.</summary>
    [Fact]
    public async Task A_binding_error_names_the_parameter_in_Chinese_without_a_type_name()
    {
        var (status, problem, _) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/sites?pageSize=abc"), null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("请求无效", problem.GetProperty("title").GetString());
        Assert.Equal("参数 pageSize 须为整数，“abc”不是。", Detail(problem));
        Assert.DoesNotContain("Nullable", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binding_error_is_in_English_when_the_request_prefers_English()
    {
        var (_, problem, response) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/sites?pageSize=abc"), "en-GB,zh;q=0.5");

        Assert.Equal("The request is not valid", problem.GetProperty("title").GetString());
        Assert.Equal("The parameter pageSize must be a whole number; 'abc' is not.", Detail(problem));
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
    }

    /// <summary>400 from an endpoint: its own detail in the language asked for.</summary>
    [Theory]
    [InlineData("zh-CN", "pageSize 须在 1 到")]
    [InlineData("en", "pageSize must be between 1 and")]
    public async Task An_endpoint_400_gives_its_detail_in_the_request_language(string language, string expected)
    {
        var (status, problem, _) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/sites?pageSize=0"), language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(expected, Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_document()
    {
        var (status, problem, _) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/nothing-here"), null);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("未找到", problem.GetProperty("title").GetString());
        Assert.Contains("/api/nothing-here", Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_document_naming_the_allowed_method()
    {
        var (status, problem, _) = await SendAsync(new HttpRequestMessage(HttpMethod.Delete, "api/districts"), "en");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal("Method not allowed", problem.GetProperty("title").GetString());
        Assert.Contains("GET", Detail(problem), StringComparison.Ordinal);
    }

    /// <summary>413 at the API is the same limit as the CLI's (<see cref="ImportLimits.MaxFileBytes"/>).</summary>
    [Fact]
    public async Task A_file_over_the_import_limit_is_a_413_document_naming_the_limit()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/imports/sites?fileName=big.csv")
        {
            Content = new ByteArrayContent(new byte[ImportLimits.MaxFileBytes + (128 * 1024)]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        // The server answers before reading the body; with 100-continue the client waits for that answer.
        request.Headers.ExpectContinue = true;

        var (status, problem, _) = await SendAsync(request, "en");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("16 MB", Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_too_long_address_is_a_414_document()
    {
        var (status, problem, _) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/sites?q=" + new string('x', 20_000)), null);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, status);
        Assert.Equal("请求地址过长", problem.GetProperty("title").GetString());
        Assert.Contains("8192", Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_content_type_is_a_415_document_listing_the_accepted_types()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/imports/sites") { Content = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var (status, problem, _) = await SendAsync(request, "en");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("image/png", Detail(problem), StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", Detail(problem), StringComparison.Ordinal);
        Assert.Contains("text/csv", Detail(problem), StringComparison.Ordinal);
    }

    /// <summary>422: each problem's reason in the request language, with both beside it.</summary>
    [Fact]
    public async Task A_rejected_file_lists_its_problems_in_Chinese_by_default_with_both_languages()
    {
        var csv = "code,name,district_code,district_name\n33030200X,五马街道,330302,鹿城区\n";

        using var response = await ServerFixture.PostFileAsync(Client, "divisions", "bad.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("文件未导入", problem.GetProperty("title").GetString());
        var row = problem.GetProperty("problems")[0];
        Assert.Equal(row.GetProperty("reasonZh").GetString(), row.GetProperty("reason").GetString());
        Assert.Contains("不是街道代码", row.GetProperty("reasonZh").GetString(), StringComparison.Ordinal);
        Assert.Contains("is not a street code", row.GetProperty("reasonEn").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Defects 6 and 7 at the API: a day outside the profile's validity is refused with the reason.</summary>
    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2015-10-14")]
    [InlineData("2017-01-01")]
    public async Task Planning_a_day_outside_the_profile_validity_is_a_400_naming_the_validity(string day)
    {
        var (status, problem, _) = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/plans/" + day), "en");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("outside the validity of the policy profile wenzhou-2015", Detail(problem), StringComparison.Ordinal);
        Assert.Contains("2015-10-15 to 2016-12-31", Detail(problem), StringComparison.Ordinal);
    }

    /// <summary>Defect 10: the map gets boundaries simplified for display; <c>detail=full</c> gives them as imported.</summary>
    [Fact]
    public async Task Boundaries_are_simplified_for_display_and_kept_whole()
    {
        // Dongtou (330305, not in the fixture's other data) as a circle of 5 001 positions, radius 0.05 degrees:
        // neighbours 0.00006 degrees apart, far below the 0.0002-degree display tolerance.
        var ring = string.Join(",", Enumerable.Range(0, 5001).Select(i =>
        {
            var angle = i == 5000 ? 0 : 2 * Math.PI * i / 5000;
            return FormattableString.Invariant($"[{121.05 + (0.05 * Math.Cos(angle)):0.0000000},{27.85 + (0.05 * Math.Sin(angle)):0.0000000}]");
        }));
        var geoJson = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":330305,"name":"洞头区"},"geometry":{"type":"Polygon","coordinates":[["""
            + ring + "]]}}]}";
        using (var imported = await ServerFixture.PostFileAsync(Client, "boundaries", "dongtou.geojson", Encoding.UTF8.GetBytes(geoJson), "?datum=wgs84&allowMovedBoundary=true"))
        {
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync(Cancel));
        }

        using var display = await Client.GetAsync(new Uri("api/boundaries", UriKind.Relative), Cancel);
        using var full = await Client.GetAsync(new Uri("api/boundaries?detail=full", UriKind.Relative), Cancel);

        var displayed = Positions(JsonDocument.Parse(await display.Content.ReadAsStringAsync(Cancel)).RootElement);
        var kept = Positions(JsonDocument.Parse(await full.Content.ReadAsStringAsync(Cancel)).RootElement);
        Assert.True(kept >= 5001, $"{kept} kept");
        Assert.True(displayed < kept - 4500, $"{displayed} displayed of {kept}");
    }

    private static int Positions(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array when element.GetArrayLength() > 0 && element[0].ValueKind == JsonValueKind.Number => 1,
        JsonValueKind.Array => element.EnumerateArray().Sum(Positions),
        JsonValueKind.Object => element.EnumerateObject().Sum(p => Positions(p.Value)),
        _ => 0,
    };
}
