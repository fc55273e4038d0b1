using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using CitySort.Collection;
using CitySort.Collection.Devices;
using CitySort.Collection.Violations;
using CitySort.Planning;
using CitySort.Registry;
using CitySort.Security;
using CitySort.Storage;
using CitySort.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
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
        // A district officer passes the reading policies; the query services narrow every answer to the account's
        // districts (the Ouhai-vs-Lucheng test below), and writes stay with the city.
        ["registry.read"] = "admin officer district inspector",
        // A hauler reads its own vehicles, their lines, plans, positions, rejections and violations (the hauler tests below).
        ["fleet.read"] = "admin officer district hauler inspector",
        ["registry.export"] = "admin officer district inspector",
        ["registry.import"] = "admin",
        ["registry.edit"] = "admin officer",
        ["compliance.read"] = "admin officer district inspector",
        ["policy.read"] = "admin officer district hauler inspector",
        ["plans.read"] = "admin officer district hauler inspector",
        ["plans.write"] = "admin officer",
        ["collection.read"] = "admin officer district hauler inspector",
        // The live hub: a district officer's connection joins only its districts' groups, a hauler's only its own
        // hauler's group (LiveScopeTests).
        ["live.read"] = "admin officer district hauler inspector",
        ["violations.read"] = "admin officer district hauler inspector",
        // Confirming and dismissing: a district officer only the account's districts' violations (404 otherwise).
        ["violations.review"] = "admin officer district",
        // The day-end check runs over the whole city.
        ["violations.evaluate"] = "admin officer",
        // The audit trail: administrators only (issue 12, item 3).
        ["audit.read"] = "admin",
        // Listing and changing the accounts: administrators only (issue 12, item 3).
        ["users.manage"] = "admin",
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

    /// <summary>The Lucheng (330302) records of the test registry (Data/*.csv) and of the arranged plan and violation.</summary>
    private static readonly string[] LuchengNames = ["T-R1", "T-R2", "浙CA1234", "浙CC0001", "LC-L1", "SAN-LC", "鹿城区环卫处"];

    /// <summary>The endpoints that take a district (or area) in the query: another district's gets 403.</summary>
    private static readonly string[] DistrictFiltered =
        ["/api/sites", "/api/sites/points", "/api/vehicles", "/api/lines", "/api/kpis", "/api/plans", "/api/plans/{date}/actual", "/api/violations"];

    [Fact]
    public async Task An_Ouhai_district_officer_reaches_no_Lucheng_site_by_any_route_export_or_stream()
    {
        var server = fixture.Server;
        // Ouhai is 330304; the Lucheng (330302) test sites are T-R1 and T-R2, its vehicles 浙CA1234 and 浙CC0001, its
        // line LC-L1 (hauler SAN-LC); the Ouhai site is T-P1 (Data/test_*.csv). The day is planned, so that the plans
        // name Lucheng stops, and Lucheng has a violation.
        await PlanDayAsync(server.Client, "2015-12-01");
        var violation = await LuchengViolationAsync(server);
        var ouhai = await server.ClientForAsync(CitySortRoles.DistrictOfficer, ["330304"], cancellationToken: Ct);
        var (leaks, reached) = await LeaksAsync(server, ouhai, violation);

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
        // The officer did reach her own district's site: the scope narrows, it does not blank out.
        using var own = await ouhai.GetAsync(new Uri("api/sites/T-P1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var list = await ouhai.GetAsync(new Uri("api/sites?pageSize=500", UriKind.Relative), Ct);
        var listed = await list.Content.ReadAsStringAsync(Ct);
        Assert.Contains("T-P1", listed, StringComparison.Ordinal);
        using var sites = await ouhai.GetAsync(new Uri("api/exports/sites", UriKind.Relative), Ct);
        Assert.Contains("T-P1", await sites.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(reached > 20, "the officer passed only " + reached + " calls");
        // Ouhai has no dedicated line, so the planned day has no Ouhai plan: the Lucheng and Longwan plans are not hers.
        using var plans = await ouhai.GetAsync(new Uri("api/plans?date=2015-12-01", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, plans.StatusCode);
        using var actual = await ouhai.GetAsync(new Uri("api/plans/2015-12-01/actual", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, actual.StatusCode);
        // The violation is still open: the refused review changed nothing.
        using var detail = await server.Client.GetAsync(new Uri("api/violations/" + violation, UriKind.Relative), Ct);
        Assert.Contains("\"status\":\"Open\"", await detail.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Lucheng_district_officer_sees_and_reviews_the_Lucheng_records_that_the_Ouhai_officer_does_not()
    {
        // The control of the test above from the other side: the same routes do show Lucheng to its own officer, so
        // that the Ouhai officer's empty answers are the scope and not a route that shows nobody anything.
        var server = fixture.Server;
        await PlanDayAsync(server.Client, "2015-12-01");
        var violation = await LuchengViolationAsync(server);
        var lucheng = await server.ClientForAsync(CitySortRoles.DistrictOfficer, ["330302"], cancellationToken: Ct);
        foreach (var (path, name) in new[]
                 {
                     ("api/sites/T-R1", "T-R1"), ("api/vehicles?all=true", "浙CC0001"), ("api/lines", "LC-L1"), ("api/plans?date=2015-12-01", "\"districtCode\":\"330302\""),
                     ("api/plans/2015-12-01/actual", "\"lines\""), ("api/violations", "浙CA1234"), ("api/exports/sites", "T-R2"), ("api/exports/vehicles", "浙CA1234"),
                     ("api/exports/haulers", "SAN-LC"), ("api/exports/lines", "LC-L1"), ("api/kpis?from=2015-12-01&to=2015-12-01", "330302"),
                     ("api/coverage", "330302"),
                 })
        {
            using var response = await lucheng.GetAsync(new Uri(path, UriKind.Relative), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, path + " answered " + (int)response.StatusCode + ": " + body);
            Assert.Contains(name, body, StringComparison.Ordinal);
            // Longwan's (330303) records stay out of the Lucheng officer's answers as Lucheng's stay out of Ouhai's.
            Assert.DoesNotContain("浙CB5678", body, StringComparison.Ordinal);
            Assert.DoesNotContain("DZ-L1", body, StringComparison.Ordinal);
        }

        using var review = await lucheng.PostAsJsonAsync(new Uri("api/violations/" + violation + "/confirm", UriKind.Relative), new { reviewer = "lucheng" }, Ct);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
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

    [Fact]
    public async Task A_hauler_reads_its_own_vehicles_their_lines_and_violations_and_nothing_of_another_hauler()
    {
        // SAN-LC runs 浙CA1234 (line LC-L1) and 浙CC0001; SAN-LW runs 浙CB5678 (line DZ-L1) (Data/test_*.csv).
        var server = fixture.Server;
        var violation = await LuchengViolationAsync(server);
        var hauler = await server.ClientForAsync(CitySortRoles.Hauler, hauler: "SAN-LC", cancellationToken: Ct);

        var vehicles = await hauler.GetStringAsync(new Uri("api/vehicles?all=true&includeRetired=true", UriKind.Relative), Ct);
        var lines = await hauler.GetStringAsync(new Uri("api/lines?includeRetired=true", UriKind.Relative), Ct);
        var violations = await hauler.GetStringAsync(new Uri("api/violations", UriKind.Relative), Ct);
        using var one = await hauler.GetAsync(new Uri("api/violations/" + violation, UriKind.Relative), Ct);
        using var sites = await hauler.GetAsync(new Uri("api/sites", UriKind.Relative), Ct);
        using var byDistrict = await hauler.GetAsync(new Uri("api/vehicles?district=330302", UriKind.Relative), Ct);

        Assert.Contains("浙CA1234", vehicles, StringComparison.Ordinal);
        Assert.Contains("浙CC0001", vehicles, StringComparison.Ordinal);
        Assert.DoesNotContain("浙CB5678", vehicles, StringComparison.Ordinal);
        Assert.Contains("LC-L1", lines, StringComparison.Ordinal);
        Assert.DoesNotContain("DZ-L1", lines, StringComparison.Ordinal);
        Assert.Contains("\"id\":" + violation + ",", violations, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sites.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byDistrict.StatusCode);

        // Another hauler's account sees none of them.
        var other = await server.ClientForAsync(CitySortRoles.Hauler, hauler: "SAN-LW", cancellationToken: Ct);
        var itsVehicles = await other.GetStringAsync(new Uri("api/vehicles?all=true", UriKind.Relative), Ct);
        using var notIts = await other.GetAsync(new Uri("api/violations/" + violation, UriKind.Relative), Ct);
        Assert.Contains("浙CB5678", itsVehicles, StringComparison.Ordinal);
        Assert.DoesNotContain("浙CA1234", itsVehicles, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notIts.StatusCode);
    }

    [Fact]
    public async Task A_hauler_reaches_no_plan_trip_position_rejection_or_violation_of_another_haulers_vehicle_by_any_route()
    {
        // SAN-LC runs the Lucheng vehicles 浙CA1234 and 浙CC0001 (line LC-L1); SAN-LW runs 浙CB5678 (line DZ-L1, the
        // development zone) (Data/test_*.csv). The day is planned (a Lucheng and a development-zone plan), 浙CA1234 has
        // a violation, a position and a refused event, and the day's Hazardous plans have trips of both haulers, so
        // that each of SAN-LW's routes has a SAN-LC record to leak.
        var server = fixture.Server;
        await PlanDayAsync(server.Client, "2015-12-01");
        await StoreHazardousPlansAsync(server);
        var violation = await LuchengViolationAsync(server);
        await LuchengFixAndRefusalAsync(server);
        var longwan = await server.ClientForAsync(CitySortRoles.Hauler, hauler: "SAN-LW", cancellationToken: Ct);

        var (leaks, reached) = await LeaksAsync(server, longwan, violation);

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
        // It passed its own reading routes (vehicles, lines, plans, planned vs actual, KPIs, rejections, positions, violations, ...).
        Assert.True(reached > 10, "the hauler passed only " + reached + " calls");
        // The scope narrows, it does not blank out: SAN-LW's own plan is there, with its own vehicle's trips.
        var plans = await longwan.GetStringAsync(new Uri("api/plans?date=2015-12-01", UriKind.Relative), Ct);
        Assert.Contains("\"vehiclePlate\":\"浙CB5678\"", plans, StringComparison.Ordinal);
        Assert.Contains("\"areaCode\":\"development-zone\"", plans, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hauler_reads_its_own_vehicles_plans_positions_and_refused_events_without_the_unserved_sites()
    {
        var server = fixture.Server;
        await PlanDayAsync(server.Client, "2015-12-01");
        await StoreHazardousPlansAsync(server);
        await LuchengFixAndRefusalAsync(server);
        var hauler = await server.ClientForAsync(CitySortRoles.Hauler, hauler: "SAN-LC", cancellationToken: Ct);

        var plans = await hauler.GetStringAsync(new Uri("api/plans?date=2015-12-01", UriKind.Relative), Ct);
        var actual = await hauler.GetStringAsync(new Uri("api/plans/2015-12-01/actual", UriKind.Relative), Ct);
        var positions = await hauler.GetStringAsync(new Uri("api/vehicles/positions", UriKind.Relative), Ct);
        var rejections = await hauler.GetStringAsync(new Uri("api/rejections", UriKind.Relative), Ct);
        using var byDistrict = await hauler.GetAsync(new Uri("api/plans?date=2015-12-01&district=330302", UriKind.Relative), Ct);
        var city = await server.Client.GetStringAsync(new Uri("api/plans?date=2015-12-01", UriKind.Relative), Ct);

        // SAN-LC's 浙CA1234 drives in both Hazardous plans; SAN-LW's trip in the development zone's plan and the
        // Lucheng plan's unserved site T-R2 are not SAN-LC's; the Kitchen plans of the day have no trip at all.
        Assert.Contains("\"vehiclePlate\":\"浙CA1234\"", plans, StringComparison.Ordinal);
        Assert.Contains("\"areaCode\":\"development-zone\"", plans, StringComparison.Ordinal);
        Assert.DoesNotContain("浙CB5678", plans, StringComparison.Ordinal);
        Assert.DoesNotContain("T-R2", plans, StringComparison.Ordinal);
        Assert.DoesNotContain("\"category\":\"Kitchen\"", plans, StringComparison.Ordinal);
        // The development zone's plan as SAN-LC reads it: its one trip of 1 200 kg over 9 000 m, one vehicle, one stop.
        Assert.Contains("\"vehicleCount\":1,\"capacityKg\":5000,\"dueSiteCount\":1,\"totalLoadKg\":1200,\"totalDistanceMetres\":9000", plans, StringComparison.Ordinal);
        Assert.Contains("浙CA1234", actual, StringComparison.Ordinal);
        Assert.DoesNotContain("浙CB5678", actual, StringComparison.Ordinal);
        Assert.Contains("浙CA1234", positions, StringComparison.Ordinal);
        Assert.Contains("浙CA1234", rejections, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byDistrict.StatusCode);
        // The control: the city sees every trip and the unserved site.
        Assert.Contains("浙CB5678", city, StringComparison.Ordinal);
        Assert.Contains("T-R2", city, StringComparison.Ordinal);
        Assert.Contains("\"vehiclePlate\":\"浙CA1234\"", city, StringComparison.Ordinal);
    }

    /// <summary>
    /// Stores the Hazardous plans of 2015-12-01 (replacing those of an earlier test): Lucheng's, with a trip of SAN-LC's
    /// 浙CA1234 to T-R1 and T-R2 unserved; the development zone's, with a trip of SAN-LW's 浙CB5678 (3 000 kg, 12 000 m)
    /// and a trip of 浙CA1234 lent to it (1 200 kg, 9 000 m), both to the Longwan site T-S1.
    /// </summary>
    private static async Task StoreHazardousPlansAsync(RunningServer server)
    {
        var contexts = server.Services.GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Ct);
        var day = new DateOnly(2015, 12, 1);
        db.DailyPlans.RemoveRange(await db.DailyPlans.Where(p => p.Date == day && p.Category == WasteCategory.Hazardous).ToListAsync(Ct));
        await db.SaveChangesAsync(Ct);
        static PlannedTrip Trip(string plate, string site, long kg, long metres) => new()
        {
            VehiclePlate = plate,
            VehicleTrip = 1,
            FacilityCode = "F-TEST",
            FacilityName = "test facility",
            LoadKg = kg,
            DistanceMetres = metres,
            DepartsAt = new TimeOnly(6, 0),
            UnloadsAt = new TimeOnly(7, 0),
            UnloadedAt = new TimeOnly(7, 15),
            ReturnsToDepotAt = new TimeOnly(7, 45),
            Stops = [new PlannedStop { Sequence = 1, SiteCode = site, SiteName = site, Longitude = 120.7, Latitude = 28.0, DemandKg = kg }],
        };
        DailyPlan Plan(string area, string district, int capacityKg) => new()
        {
            Date = day,
            AreaCode = area,
            DistrictCode = district,
            Category = WasteCategory.Hazardous,
            ProfileId = "wenzhou-2015",
            ProfileVersion = "1.0.0",
            DepotName = "depot",
            DepotLongitude = 120.7,
            DepotLatitude = 28.0,
            ShiftStart = new TimeOnly(5, 0),
            ShiftEnd = new TimeOnly(17, 0),
            CapacityKg = capacityKg,
        };
        var lucheng = Plan("330302", "330302", 3000);
        lucheng.Trips = [Trip("浙CA1234", "T-R1", 800, 5000)];
        lucheng.Unserved = [new UnservedSite { SiteCode = "T-R2", SiteName = "T-R2", Reason = "capacity", DemandKg = 500 }];
        (lucheng.VehicleCount, lucheng.DueSiteCount, lucheng.TotalLoadKg, lucheng.TotalDistanceMetres) = (1, 2, 800, 5000);
        var zone = Plan("development-zone", "330303", 5000);
        zone.Trips = [Trip("浙CB5678", "T-S1", 3000, 12000), Trip("浙CA1234", "T-S1", 1200, 9000)];
        (zone.VehicleCount, zone.DueSiteCount, zone.TotalLoadKg, zone.TotalDistanceMetres) = (2, 1, 4200, 21000);
        db.DailyPlans.AddRange(lucheng, zone);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>
    /// Registers a GPS device on the Lucheng vehicle 浙CA1234 and sends through it one accepted fix (a position on the
    /// board) and one fix refused for its latitude of 95 degrees (a rejection whose payload names the plate).
    /// </summary>
    private static async Task LuchengFixAndRefusalAsync(RunningServer server)
    {
        var id = "gps-" + Guid.NewGuid().ToString("N")[..10];
        var added = await server.Services.GetRequiredService<DeviceService>().AddAsync(new DeviceRegistration(id, DeviceKind.Vehicle, "浙CA1234"), Ct);
        Assert.True(added.Succeeded, string.Join("; ", added.Problems));
        var at = DateTimeOffset.UtcNow.AddMinutes(-30).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var latitude in new[] { "28.01", "95" })
        {
            var body = $$$"""{"events":[{"kind":"gps","eventId":"G-{{{Guid.NewGuid():N}}}","deviceTime":"{{{at}}}","vehiclePlate":"浙CA1234","point":{"longitude":120.65,"latitude":{{{latitude}}},"datum":"wgs84"}}]}""";
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/events", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Device-Id", id);
            request.Headers.Add("X-Device-Key", added.Secret);
            using var response = await server.AnonymousClient().SendAsync(request, Ct);
            Assert.True(response.IsSuccessStatusCode, (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync(Ct));
        }

        await Eventually.TrueAsync(
            async () => (await server.Client.GetStringAsync(new Uri("api/vehicles/positions", UriKind.Relative), Ct)).Contains("浙CA1234", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the accepted fix is on the position board");
    }

    /// <summary>
    /// Calls every endpoint <paramref name="client"/> passes with a Lucheng record (of the hauler SAN-LC) in every
    /// route parameter, once with only the day and range every reading endpoint needs and once naming the Lucheng
    /// district: the answers that show a Lucheng record or take the Lucheng district without 403, and how many calls passed.
    /// </summary>
    private static async Task<(List<string> Leaks, int Reached)> LeaksAsync(RunningServer server, HttpClient client, int violation)
    {
        var leaks = new List<string>();
        var reached = 0;
        foreach (var endpoint in Endpoints(server).Where(e => !e.AllowsAnonymous))
        {
            var tables = endpoint.Pattern.Contains("{table}", StringComparison.Ordinal) ? ExportTables : [string.Empty];
            foreach (var table in tables)
            {
                // Every route parameter names a Lucheng record: the site, the violation, the vehicle, the export table.
                string Value(string name) => name switch
                {
                    "code" => "T-R1",
                    "id" => violation.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "plate" => "浙CA1234",
                    "table" => table,
                    _ => SampleValue(name),
                };

                // Once with the query every reading endpoint needs (a day, a range) and nothing else, so that the
                // answer is the officer's own scope; once naming Lucheng as district and area.
                var queries = endpoint.Method == "GET"
                    ? new[] { "date=2015-12-01&from=2015-12-01&to=2015-12-31&pageSize=500&includeRetired=true&all=true", "date=2015-12-01&from=2015-12-01&to=2015-12-31&district=330302&area=330302" }
                    : [string.Empty];
                foreach (var query in queries)
                {
                    var (status, passed, body) = await CallWithBodyAsync(client, endpoint, Value, query: query, json: """{"reviewer":"other","reason":"scope test"}""");
                    var call = $"{endpoint.Method} {endpoint.Pattern}{(table.Length > 0 ? " (" + table + ")" : string.Empty)}?{query}";
                    if (!passed)
                    {
                        continue;
                    }

                    reached++;
                    var namesLucheng = RouteParameter().Matches(endpoint.Pattern).Any(m => m.Groups["name"].Value is "code" or "id" or "plate");
                    if (namesLucheng && status is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                    {
                        leaks.Add($"{call} answered {(int)status} for a Lucheng record");
                    }

                    if (query.Contains("district=330302", StringComparison.Ordinal) && DistrictFiltered.Contains(endpoint.Pattern) && status != HttpStatusCode.Forbidden)
                    {
                        leaks.Add($"{call} answered {(int)status} for the Lucheng district, not 403");
                    }

                    // A refusal may repeat the code that was asked for ("no site has the code T-R1"); an answer must not name it.
                    foreach (var lucheng in (int)status is >= 200 and < 300 ? LuchengNames : [])
                    {
                        if (body.Contains(lucheng, StringComparison.Ordinal))
                        {
                            leaks.Add($"{call} ({(int)status}) shows the Lucheng record {lucheng}");
                        }
                    }
                }
            }
        }

        return (leaks, reached);
    }

    /// <summary>The export tables (docs/formats.md, "Exports"), written here rather than read from the exporter.</summary>
    private static readonly string[] ExportTables = ["districts", "streets", "communities", "sites", "facilities", "haulers", "vehicles", "lines", "coverage", "gaps"];

    /// <summary>Plans <paramref name="day"/> as the administrator and reads the stream to its end.</summary>
    private static async Task PlanDayAsync(HttpClient admin, string day)
    {
        using var response = await admin.PostAsync(new Uri("api/plans/" + day, UriKind.Relative), null, Ct);
        var stream = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK && stream.Contains("event: summary", StringComparison.Ordinal), (int)response.StatusCode + ": " + stream);
    }

    /// <summary>Stores an open violation of the Lucheng vehicle 浙CA1234 at the Lucheng site T-R1 and returns its id.</summary>
    private static async Task<int> LuchengViolationAsync(RunningServer server)
    {
        var contexts = server.Services.GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Ct);
        var violation = new Violation
        {
            Key = "scope-test:" + Guid.NewGuid().ToString("N"),
            Kind = ViolationKind.MissedPickup,
            ClauseId = "W96-T3",
            BusinessDay = new DateOnly(2015, 12, 1),
            VehiclePlate = "浙CA1234",
            SiteCode = "T-R1",
            DistrictCode = "330302",
            Description = "浙CA1234 did not stop at T-R1.",
            DescriptionZh = "浙CA1234 未到 T-R1 收运。",
            DetectedAt = DateTimeOffset.UtcNow,
            EvaluatedAt = DateTimeOffset.UtcNow,
        };
        db.Violations.Add(violation);
        await db.SaveChangesAsync(Ct);
        return violation.Id;
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
    private static async Task<(HttpStatusCode Status, bool Passed, string Body)> CallWithBodyAsync(
        HttpClient client, EndpointCase endpoint, Func<string, string> values, bool readBody = true, string query = "", string json = "{}")
    {
        var path = RouteParameter().Replace(endpoint.Pattern, m => Uri.EscapeDataString(values(m.Groups["name"].Value))).TrimStart('/');
        if (query.Length > 0)
        {
            path += "?" + query;
        }

        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(path, UriKind.Relative));
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
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
