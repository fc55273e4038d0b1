using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CitySort.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Tests;

/// <summary>
/// The authorization matrix (issue 12): every endpoint the server itself lists (<see cref="EndpointDataSource"/>, so a
/// new endpoint cannot be left out) is called by every role and by the anonymous public, and the answer must be
/// allowed or denied as the role table of docs/security.md says. The expected table is written here by hand; it is
/// not read from the policies it checks. Then an Ouhai district officer asks for the Lucheng sites by every route.
/// </summary>
public sealed partial class AuthorizationMatrixTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private const string Anonymous = "anonymous";
    private const string Admin = "admin";
    private const string Officer = "officer";
    private const string District = "district";
    private const string Hauler = "hauler";
    private const string Inspector = "inspector";
    private const string NoPolicy = "(no policy)";

    /// <summary>The role table of docs/security.md: who may pass each policy ("everyone" includes the anonymous public).</summary>
    private static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        ["registry.read"] = "admin officer district inspector",
        ["fleet.read"] = "admin officer inspector",
        ["registry.export"] = "admin officer inspector",
        ["registry.import"] = "admin",
        ["registry.edit"] = "admin officer",
        ["compliance.read"] = "admin officer inspector",
        ["policy.read"] = "admin officer district hauler inspector",
        ["plans.read"] = "admin officer inspector",
        ["plans.write"] = "admin officer",
        ["collection.read"] = "admin officer inspector",
        ["violations.read"] = "admin officer inspector",
        ["violations.review"] = "admin officer",
        // The audit trail: administrators only (issue 12, item 3).
        ["audit.read"] = "admin",
        ["api.reference"] = "admin officer district hauler inspector",
        // The device door: every caller passes the policy, the device itself is authenticated by its key.
        ["events.write"] = "anonymous admin officer district hauler inspector",
        ["public.read"] = "anonymous admin officer district hauler inspector",
        // An endpoint that names no policy (the API reference page's own script files): any signed-in user.
        [NoPolicy] = "admin officer district hauler inspector",
    };

    /// <summary>The only endpoints that allow anonymous callers without a policy (docs/security.md): sign-in and health.</summary>
    /// The API reference page's own script and icon files are open like the dashboard's files; the page and the
    /// OpenAPI document need a sign-in.
    private static readonly string[] OpenPrefixes =
        ["/api/auth/", "/health/", "/api/reference/scalar.js", "/api/reference/scalar.aspnetcore.js", "/api/reference/favicon.svg"];

    private static readonly string[] Roles = [Anonymous, Admin, Officer, District, Hauler, Inspector];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_endpoint_answers_every_role_as_the_role_table_says()
    {
        var server = fixture.Server;
        var clients = await ClientsAsync(server);
        var endpoints = Endpoints(server);
        Assert.True(endpoints.Count > 40, "the server lists only " + endpoints.Count + " endpoints");
        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var allowed = Allowed(endpoint, wrong);
            if (allowed is null)
            {
                continue;
            }

            // The open endpoints (sign-in, sign-out, health) are called by the anonymous public only: signing the
            // role clients out would spoil the rest of the matrix.
            foreach (var role in endpoint.AllowsAnonymous ? [Anonymous] : Roles)
            {
                var (status, passed) = await CallAsync(clients[role], endpoint, SampleValue);
                var expected = allowed.Contains(role);
                if (passed != expected)
                {
                    wrong.Add($"{endpoint.Method} {endpoint.Pattern} as {role}: {(int)status}, expected {(expected ? "allowed" : "denied")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task An_Ouhai_district_officer_reaches_no_Lucheng_site_by_any_route_export_or_stream()
    {
        var server = fixture.Server;
        // Ouhai is 330304; the Lucheng (330302) test sites are T-R1 and T-R2, the Ouhai one T-P1 (Data/test_sites.csv).
        var ouhai = await server.ClientForAsync(CitySortRoles.DistrictOfficer, ["330304"], cancellationToken: Ct);
        var leaks = new List<string>();
        var reached = 0;
        foreach (var endpoint in Endpoints(server).Where(e => !e.AllowsAnonymous))
        {
            // Every route parameter names the Lucheng site (or its district), so a route that finds one finds T-R1.
            var (status, passed, body) = await CallWithBodyAsync(ouhai, endpoint, name => name switch
            {
                "code" => "T-R1",
                _ => SampleValue(name),
            });
            if (!passed)
            {
                continue;
            }

            reached++;
            if (endpoint.Pattern.Contains("{code}", StringComparison.Ordinal) && endpoint.Pattern.StartsWith("/api/sites", StringComparison.Ordinal)
                && status is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
            {
                leaks.Add($"{endpoint.Method} {endpoint.Pattern} answered {(int)status} for the Lucheng site T-R1");
            }

            // A refusal may repeat the code that was asked for ("no site has the code T-R1"); an answer must not name it.
            foreach (var lucheng in (int)status is >= 200 and < 300 ? new[] { "T-R1", "T-R2" } : [])
            {
                if (body.Contains(lucheng, StringComparison.Ordinal))
                {
                    leaks.Add($"{endpoint.Method} {endpoint.Pattern} ({(int)status}) shows the Lucheng site {lucheng}");
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
        // The officer did reach her own district's site: the scope narrows, it does not blank out.
        using var own = await ouhai.GetAsync(new Uri("api/sites/T-P1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var list = await ouhai.GetAsync(new Uri("api/sites?pageSize=500", UriKind.Relative), Ct);
        var listed = await list.Content.ReadAsStringAsync(Ct);
        Assert.Contains("T-P1", listed, StringComparison.Ordinal);
        Assert.True(reached > 5, "the officer passed only " + reached + " endpoints");
    }

    [Fact]
    public async Task A_city_officer_sees_the_Lucheng_sites_that_the_Ouhai_officer_does_not()
    {
        // The control of the test above: the same routes do show T-R1 to a city-wide role.
        var officer = await fixture.Server.ClientForAsync(CitySortRoles.CityOfficer, cancellationToken: Ct);
        using var site = await officer.GetAsync(new Uri("api/sites/T-R1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, site.StatusCode);
        using var points = await officer.GetAsync(new Uri("api/sites/points", UriKind.Relative), Ct);
        Assert.Contains("T-R1", await points.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>One route and method of the server, with the policy names and anonymity it declares.</summary>
    private sealed record EndpointCase(string Pattern, string Method, IReadOnlyList<string> Policies, bool AllowsAnonymous);

    private static List<EndpointCase> Endpoints(RunningServer server)
    {
        var source = server.Services.GetRequiredService<EndpointDataSource>();
        var list = new List<EndpointCase>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in methods.Where(m => m != HttpMethods.Options))
            {
                list.Add(new EndpointCase(pattern, method, policies, anonymous));
            }
        }

        return list;
    }

    /// <summary>The roles the table lets through <paramref name="endpoint"/>, or null (with the reason in <paramref name="wrong"/>) when the table has no rule for it.</summary>
    private static HashSet<string>? Allowed(EndpointCase endpoint, List<string> wrong)
    {
        if (endpoint.AllowsAnonymous)
        {
            if (OpenPrefixes.Any(p => endpoint.Pattern.StartsWith(p, StringComparison.Ordinal)))
            {
                return [Anonymous];
            }

            wrong.Add($"{endpoint.Method} {endpoint.Pattern} allows anonymous callers and is not a documented open endpoint");
            return null;
        }

        if (endpoint.Policies.Count == 0)
        {
            return [.. Table[NoPolicy].Split(' ')];
        }

        if (endpoint.Policies.Count != 1 || !Table.TryGetValue(endpoint.Policies[0], out var roles))
        {
            wrong.Add($"{endpoint.Method} {endpoint.Pattern} has the policy {string.Join(",", endpoint.Policies)}, which the role table does not list");
            return null;
        }

        return [.. roles.Split(' ')];
    }

    private static async Task<Dictionary<string, HttpClient>> ClientsAsync(RunningServer server) => new()
    {
        [Anonymous] = server.AnonymousClient(),
        [Admin] = await server.ClientForAsync(CitySortRoles.CityAdministrator, cancellationToken: Ct),
        [Officer] = await server.ClientForAsync(CitySortRoles.CityOfficer, cancellationToken: Ct),
        [District] = await server.ClientForAsync(CitySortRoles.DistrictOfficer, ["330304"], cancellationToken: Ct),
        [Hauler] = await server.ClientForAsync(CitySortRoles.Hauler, hauler: "H-TEST", cancellationToken: Ct),
        [Inspector] = await server.ClientForAsync(CitySortRoles.Inspector, cancellationToken: Ct),
    };

    /// <summary>A value for a route parameter that the route's constraint accepts.</summary>
    private static string SampleValue(string name) => name switch
    {
        "id" => "1",
        "date" => "2015-12-01",
        "documentName" => "v1",
        "table" => "sites",
        "kind" => "sites",
        "code" => "T-P1",
        _ => "x",
    };

    private static async Task<(HttpStatusCode Status, bool Passed)> CallAsync(HttpClient client, EndpointCase endpoint, Func<string, string> values)
    {
        var (status, passed, _) = await CallWithBodyAsync(client, endpoint, values, readBody: false);
        return (status, passed);
    }

    /// <summary>
    /// Calls the endpoint with an empty JSON object as body (so that no write takes effect) and reads the status:
    /// it passed the policy unless the answer is the sign-in challenge (a bare 401) or 403.
    /// The body is read up to 4 MB, and only until the first chunk of a stream (server-sent events).
    /// </summary>
    private static async Task<(HttpStatusCode Status, bool Passed, string Body)> CallWithBodyAsync(HttpClient client, EndpointCase endpoint, Func<string, string> values, bool readBody = true)
    {
        var path = RouteParameter().Replace(endpoint.Pattern, m => Uri.EscapeDataString(values(m.Groups["name"].Value))).TrimStart('/');
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(path, UriKind.Relative));
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        var body = string.Empty;
        var streaming = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
        if (readBody || response.StatusCode == HttpStatusCode.Unauthorized)
        {
            await using var stream = await response.Content.ReadAsStreamAsync(Ct);
            var buffer = new byte[4 * 1024 * 1024];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), Ct)) > 0)
            {
                total += read;
                if (streaming)
                {
                    break;
                }
            }

            body = Encoding.UTF8.GetString(buffer, 0, total);
        }

        var passed = response.StatusCode switch
        {
            HttpStatusCode.Forbidden => false,
            // A 401 of the device door (reasonCode) or of the sign-in handler (code) came from past the policy.
            HttpStatusCode.Unauthorized => body.Contains("\"reasonCode\"", StringComparison.Ordinal) || body.Contains("\"code\"", StringComparison.Ordinal),
            _ => true,
        };
        return (response.StatusCode, passed, body);
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
