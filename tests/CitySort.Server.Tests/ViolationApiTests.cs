using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySort.Collection;
using CitySort.Collection.Violations;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Tests;

/// <summary>
/// <c>/api/violations</c> and <c>/api/plans/{date}/actual</c> through the real HTTP pipeline. The violations are found
/// by a <see cref="ViolationService"/> over the server's own database with the test's events (the server itself has
/// no event of them), then listed, read and reviewed through the API.
/// </summary>
public sealed class ViolationApiTests : IAsyncLifetime
{
    private const string Plate = "浙C0001";
    private static readonly DateOnly Day = new(2015, 12, 1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TestDatabase? _database;
    private RunningServer? _server;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client => _server!.Client;

    public async ValueTask InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _server = await RunningServer.StartAsync(new ServerOptions { Storage = _database.Storage, SeedDemo = false });
        using var ready = await Client.GetAsync(new Uri("api/violations", UriKind.Relative), Cancel); // waits until migrated
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

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
    }

    /// <summary>A kitchen vehicle picking up other waste at 08:12 (W96-K5) and a kitchen ticket at an other-waste plant.</summary>
    private async Task SeedViolationsAsync()
    {
        var services = new ServiceCollection().AddCitySortStorage(_database!.Storage).BuildServiceProvider();
        await using var _ = services;
        var factory = services.GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(Cancel))
        {
            db.Districts.Add(new District { Code = "330302", NameZh = "鹿城区" });
            db.Haulers.Add(new Hauler { Code = "H1", Name = "hauler" });
            db.Vehicles.Add(new Vehicle { Plate = Plate, DistrictCode = "330302", AreaCode = "330302", HaulerCode = "H1", DedicatedCategory = WasteCategory.Kitchen, CapacityKg = 5000, CapacityCubicMetres = 8, Sealed = true, IsIllustrative = true });
            db.Facilities.Add(new Facility { Code = "WTE", Name = "WTE", AcceptedCategories = [WasteCategory.Other] });
            await db.SaveChangesAsync(Cancel);
        }

        var at = (int h, int m) => new DateTimeOffset(2015, 12, 1, h, m, 0, TimeSpan.FromHours(8));
        var reader = new ListEventReader(
        [
            new PickupEvent("p1", "obu-1", at(7, 0), false, Plate, "S1", null, WasteCategory.Kitchen, null, 40m, null),
            new WeighTicketEvent("t1", "wb-1", at(7, 30), false, "WTE", Plate, at(7, 20), at(7, 30), 9000m, 6000m, 3000m, WasteCategory.Kitchen, null),
            new PickupEvent("p2", "obu-1", at(8, 12), false, Plate, "S2", null, WasteCategory.Other, null, 40m, null),
        ]);
        var service = new ViolationService(factory, reader, ProfileLoader.LoadDefault(), TimeProvider.System);
        await service.EvaluateVehicleDayAsync(Plate, Day, ViolationKinds.Live, Cancel);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
    }

    [Fact]
    public async Task The_list_names_each_violation_with_its_clause_evidence_and_status_and_filters_by_kind_and_district()
    {
        await SeedViolationsAsync();

        var all = await GetJsonAsync("api/violations?from=2015-12-01&to=2015-12-01");
        var mixed = await GetJsonAsync("api/violations?kind=MixedDedicatedVehicle&district=330302&status=Open");
        var otherDistrict = await GetJsonAsync("api/violations?district=330304");

        // p2 (other waste) on a kitchen vehicle → MixedDedicatedVehicle; t1 kitchen at WTE (other only) → MixedAtFacility.
        Assert.Equal(["MixedAtFacility", "MixedDedicatedVehicle"], all.EnumerateArray().Select(v => v.GetProperty("kind").GetString()!).Order());
        var v = Assert.Single(mixed.EnumerateArray());
        Assert.Equal("W96-K5", v.GetProperty("clauseId").GetString());
        Assert.Equal("2015-12-01", v.GetProperty("businessDay").GetString());
        Assert.Equal((Plate, "S2", "Open"), (v.GetProperty("vehiclePlate").GetString(), v.GetProperty("siteCode").GetString(), v.GetProperty("status").GetString()));
        Assert.True(v.GetProperty("isIllustrative").GetBoolean()); // the vehicle is a demo vehicle
        // The evaluation names the profile it judged by.
        Assert.Equal("wenzhou-2015", v.GetProperty("profileId").GetString());
        Assert.False(string.IsNullOrEmpty(v.GetProperty("profileVersion").GetString()));
        var evidence = Assert.Single(v.GetProperty("evidence").EnumerateArray());
        Assert.Equal(("obu-1", "p2", "Pickup"), (evidence.GetProperty("deviceId").GetString(), evidence.GetProperty("eventId").GetString(), evidence.GetProperty("kind").GetString()));
        Assert.Contains("收运了其他垃圾", v.GetProperty("descriptionZh").GetString(), StringComparison.Ordinal);
        Assert.Empty(otherDistrict.EnumerateArray());
    }

    [Fact]
    public async Task A_dismissal_needs_a_reason_and_records_who_and_when_and_an_unknown_id_is_404()
    {
        await SeedViolationsAsync();
        var id = (await GetJsonAsync("api/violations?kind=MixedAtFacility")).EnumerateArray().Single().GetProperty("id").GetInt32();

        using var noReason = await Client.PostAsJsonAsync(new Uri($"api/violations/{id}/dismiss", UriKind.Relative), new { reviewer = "Wang Fang" }, Cancel);
        using var dismissed = await Client.PostAsJsonAsync(new Uri($"api/violations/{id}/dismiss", UriKind.Relative), new { reviewer = "Wang Fang", reason = "Ticket keyed wrongly; the load was other waste." }, Cancel);
        using var unknown = await Client.PostAsJsonAsync(new Uri("api/violations/99999/confirm", UriKind.Relative), new { reviewer = "Wang Fang" }, Cancel);
        var detail = await GetJsonAsync($"api/violations/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("application/problem+json", noReason.Content.Headers.ContentType?.MediaType);
        var problem = await noReason.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
        // No Accept-Language: the problem document is in Chinese (docs/api.md, "Errors").
        Assert.Contains("理由", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var view = detail.GetProperty("violation");
        Assert.Equal(("Dismissed", "Wang Fang"), (view.GetProperty("status").GetString(), view.GetProperty("reviewedBy").GetString()));
        Assert.Equal("Ticket keyed wrongly; the load was other waste.", view.GetProperty("reviewReason").GetString());
        Assert.True(view.GetProperty("reviewedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("t1", Assert.Single(detail.GetProperty("missingEvidence").EnumerateArray()).GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task Bad_filters_dates_and_unplanned_days_answer_bilingual_problems()
    {
        using var badKind = await Client.GetAsync(new Uri("api/violations?kind=Littering", UriKind.Relative), Cancel);
        using var badDate = await Client.PostAsync(new Uri("api/violations/evaluate?date=1.12.2015", UriKind.Relative), null, Cancel);
        using var unplanned = await Client.GetAsync(new Uri("api/plans/2015-12-01/actual", UriKind.Relative), Cancel);
        using var badCategory = await Client.GetAsync(new Uri("api/plans/2015-12-01/actual?category=Glass", UriKind.Relative), Cancel);
        var evaluated = await Client.PostAsync(new Uri("api/violations/evaluate?date=2015-12-01", UriKind.Relative), null, Cancel);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (badKind.StatusCode, badDate.StatusCode, unplanned.StatusCode, badCategory.StatusCode));
        var problem = await badKind.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
        Assert.Equal("请求无效", problem.GetProperty("title").GetString());
        Assert.Contains("MixedTrip", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("尚未制定调度计划", (await unplanned.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The server has no pickup of 2015-12-01, so the day-end kinds are not judged.
        Assert.Equal(HttpStatusCode.OK, evaluated.StatusCode);
        Assert.False((await evaluated.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel)).GetProperty("judged").GetBoolean());
        evaluated.Dispose();
    }

    [Fact]
    public async Task Planned_vs_actual_of_a_stored_plan_lists_each_planned_vehicle_with_its_stops_and_metres()
    {
        var services = new ServiceCollection().AddCitySortStorage(_database!.Storage).BuildServiceProvider();
        await using (services)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CitySortDbContext>>().CreateDbContextAsync(Cancel);
            db.DailyPlans.Add(new CitySort.Planning.DailyPlan
            {
                Date = Day,
                AreaCode = "330302",
                DistrictCode = "330302",
                Category = WasteCategory.Kitchen,
                ProfileId = "wenzhou-2015",
                ProfileVersion = "1",
                DepotName = "depot",
                DepotLongitude = 120.65,
                DepotLatitude = 28.0,
                Trips =
                [
                    new CitySort.Planning.PlannedTrip
                    {
                        VehiclePlate = Plate, VehicleTrip = 1, FacilityCode = "KWP", FacilityName = "KWP", DistanceMetres = 8000,
                        DepartsAt = new TimeOnly(6, 0), UnloadsAt = new TimeOnly(7, 0), UnloadedAt = new TimeOnly(7, 15), ReturnsToDepotAt = new TimeOnly(7, 45),
                        Stops = [new CitySort.Planning.PlannedStop { Sequence = 1, SiteCode = "A", SiteName = "A", Longitude = 120.66, Latitude = 28.0 }],
                    },
                ],
            });
            await db.SaveChangesAsync(Cancel);
        }

        var report = await GetJsonAsync("api/plans/2015-12-01/actual?area=330302&category=Kitchen");

        // The server holds no event of the day: the one planned stop is missed, nothing was driven; planned 8,000 m, 06:00 → 07:45 = 6,300 s.
        var line = Assert.Single(report.GetProperty("lines").EnumerateArray());
        Assert.Equal((Plate, "Kitchen"), (line.GetProperty("vehiclePlate").GetString(), line.GetProperty("category").GetString()));
        Assert.Equal(["A"], line.GetProperty("missed").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal((8000, 0, 6300), (line.GetProperty("plannedDistanceMetres").GetInt64(), line.GetProperty("drivenDistanceMetres").GetInt64(), line.GetProperty("plannedSeconds").GetInt64()));
        Assert.Equal(1, report.GetProperty("missedStops").GetInt32());
    }

    /// <summary>The test's events, answered as the reader contract says.</summary>
    private sealed class ListEventReader(IReadOnlyList<CollectionEvent> events) : ICollectionEventReader
    {
        public Task<IReadOnlyList<CollectionEvent>> ReadVehicleDayAsync(string vehiclePlate, DateOnly businessDay, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CollectionEvent>>(events.Where(e => e.BusinessDay == businessDay).OrderBy(e => e.DeviceTime).ToList());

        public Task<IReadOnlyList<CollectionEvent>> ReadDayAsync(DateOnly businessDay, EventKind? kind, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CollectionEvent>>(events.Where(e => e.BusinessDay == businessDay && (kind is null || e.Kind == kind)).OrderBy(e => e.DeviceTime).ToList());

        public Task<IReadOnlyList<CollectionEvent>> ReadByIdsAsync(IReadOnlyList<EventKey> keys, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CollectionEvent>>(events.Where(e => keys.Contains(new EventKey(e.DeviceId, e.EventId))).ToList());
    }
}
