using System.Globalization;
using System.Text;
using CitySort.Collection;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using CitySort.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CitySort.Tests.Collection;

/// <summary>
/// A migrated database with a small registry (two districts, three public-place sites, three vehicles, three
/// facilities), the intake and the KPI service over it, and a clock fixed at 2015-12-02 12:00 Asia/Shanghai.
/// </summary>
internal sealed class CollectionHost : IAsyncDisposable
{
    public const string Lucheng = "330302";
    public const string Ouhai = "330304";
    public const string OtherTruck = "浙C10001";
    public const string RecyclableTruck = "浙C10002";
    public const string OuhaiTruck = "浙C20001";
    public const string WasteToEnergy = "F-WTE";
    public const string RecyclingCentre = "F-REC";
    public const string TransferStation = "F-TS";

    private readonly ServiceProvider services;

    private CollectionHost(TestDatabase database, ServiceProvider services, FakeTimeProvider clock)
    {
        Database = database;
        this.services = services;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public PolicyProfile Profile => services.GetRequiredService<PolicyProfile>();

    public IEventIntake Intake => services.GetRequiredService<IEventIntake>();

    public CollectionEventStore Store => services.GetRequiredService<CollectionEventStore>();

    public ICollectionEventReader Reader => services.GetRequiredService<ICollectionEventReader>();

    public KpiService Kpis => services.GetRequiredService<KpiService>();

    /// <summary>The registry edits over the database, with the host's clock and the shipped profile.</summary>
    public RegistryEditService Edits => EditsWith(Profile);

    /// <summary>The intake's registry snapshot (invalidated after an edit, as the server does).</summary>
    public RegistrySnapshotSource Registry => services.GetRequiredService<RegistrySnapshotSource>();

    /// <summary>Registry edits that check against <paramref name="profile"/>.</summary>
    public RegistryEditService EditsWith(PolicyProfile profile) =>
        new(services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CitySortDbContext>>(), profile, Clock);

    public static DeviceIdentity TruckDevice(string plate) => new("obu-" + plate[^5..], DeviceKind.Vehicle, plate);

    public static DeviceIdentity Weighbridge(string facility) => new("wb-" + facility, DeviceKind.Weighbridge, FacilityCode: facility);

    public static DeviceIdentity Inspector { get; } = new("insp-1", DeviceKind.Inspector);

    public static Task<CollectionHost> SqliteAsync(params ICommittedEventSink[] sinks) => CreateAsync(TestDatabase.SqliteAsync(), sinks);

    public static Task<CollectionHost> PostgreSqlAsync(params ICommittedEventSink[] sinks) => CreateAsync(TestDatabase.PostgreSqlAsync(), sinks);

    /// <summary>A host on <paramref name="provider"/>: <c>sqlite</c> or <c>postgresql</c> (which skips, or fails under CI, without a server).</summary>
    public static Task<CollectionHost> OnAsync(string provider, params ICommittedEventSink[] sinks) =>
        provider == "postgresql" ? PostgreSqlAsync(sinks) : SqliteAsync(sinks);

    public static IncomingEvent Json(string json, EventKind? kind = null, string source = "test") => new(kind, Encoding.UTF8.GetBytes(json), source);

    public static string Pickup(string id, string plate, string site, string category, string time, decimal kg, string? extra = null) =>
        $$"""{"eventId":"{{id}}","deviceTime":"{{time}}","vehiclePlate":"{{plate}}","siteCode":"{{site}}","category":"{{category}}","estimatedKg":{{kg.ToString(CultureInfo.InvariantCulture)}}{{extra}}}""";

    public static string Ticket(string id, string facility, string plate, string timeIn, string timeOut, decimal gross, decimal tare, decimal net, string category) =>
        $$"""{"ticketId":"{{id}}","facilityCode":"{{facility}}","vehiclePlate":"{{plate}}","timeIn":"{{timeIn}}","timeOut":"{{timeOut}}","grossKg":{{gross.ToString(CultureInfo.InvariantCulture)}},"tareKg":{{tare.ToString(CultureInfo.InvariantCulture)}},"netKg":{{net.ToString(CultureInfo.InvariantCulture)}},"declaredCategory":"{{category}}"}""";

    public static string Gps(string id, string plate, string time, double lon, double lat, string datum = "wgs84") =>
        $$"""{"eventId":"{{id}}","deviceTime":"{{time}}","vehiclePlate":"{{plate}}","point":{"longitude":{{lon.ToString(CultureInfo.InvariantCulture)}},"latitude":{{lat.ToString(CultureInfo.InvariantCulture)}},"datum":"{{datum}}"},"speedKmh":20,"headingDegrees":90}""";

    public async Task<IntakeResult> SubmitOneAsync(DeviceIdentity device, EventKind kind, string json) =>
        (await Intake.SubmitAsync(device, [Json(json, kind)], TestContext.Current.CancellationToken)).Single();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static async Task<CollectionHost> CreateAsync(Task<TestDatabase> opening, ICommittedEventSink[] sinks)
    {
        var database = await opening;
        await SeedAsync(database);
        var clock = new FakeTimeProvider(new DateTimeOffset(2015, 12, 2, 12, 0, 0, TimeSpan.FromHours(8)));
        var collection = new ServiceCollection()
            .AddCitySortStorage(database.Options)
            .AddSingleton(ProfileLoader.LoadDefault())
            .AddSingleton<TimeProvider>(clock);
        foreach (var sink in sinks)
        {
            collection.AddSingleton(sink);
        }

        collection.AddCitySortCollection();
        return new CollectionHost(database, collection.BuildServiceProvider(), clock);
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.Context();
        db.Districts.Add(new District { Code = Lucheng, NameZh = "鹿城区", MinLongitude = 120.55, MinLatitude = 27.95, MaxLongitude = 120.75, MaxLatitude = 28.10 });
        db.Districts.Add(new District { Code = Ouhai, NameZh = "瓯海区", MinLongitude = 120.50, MinLatitude = 27.90, MaxLongitude = 120.70, MaxLatitude = 28.00 });
        db.Streets.Add(new Street { Code = "330302001", Name = "五马街道", DistrictCode = Lucheng });
        db.Streets.Add(new Street { Code = "330304001", Name = "景山街道", DistrictCode = Ouhai });
        db.Sites.Add(Site("LC-1", Lucheng, "330302001", 120.65, 28.01, WasteCategory.Recyclable, WasteCategory.Other));
        db.Sites.Add(Site("LC-2", Lucheng, "330302001", 120.66, 28.02, WasteCategory.Recyclable, WasteCategory.Other));
        db.Sites.Add(Site("OH-1", Ouhai, "330304001", 120.60, 27.96, WasteCategory.Other));
        db.Haulers.Add(new Hauler { Code = "H1", Name = "鹿城环卫" });
        db.Vehicles.Add(new Vehicle { Plate = OtherTruck, DistrictCode = Lucheng, AreaCode = Lucheng, HaulerCode = "H1", DedicatedCategory = WasteCategory.Other, CapacityKg = 8000 });
        db.Vehicles.Add(new Vehicle { Plate = RecyclableTruck, DistrictCode = Lucheng, AreaCode = Lucheng, HaulerCode = "H1", DedicatedCategory = WasteCategory.Recyclable, CapacityKg = 3000 });
        db.Vehicles.Add(new Vehicle { Plate = OuhaiTruck, DistrictCode = Ouhai, AreaCode = Ouhai, HaulerCode = "H1", CapacityKg = 8000 });
        db.Facilities.Add(new Facility { Code = WasteToEnergy, Name = "焚烧厂", Kind = FacilityKind.WasteToEnergyPlant, AcceptedCategories = [WasteCategory.Other], Longitude = 120.70, Latitude = 27.99 });
        db.Facilities.Add(new Facility { Code = RecyclingCentre, Name = "再生资源中心", Kind = FacilityKind.RecyclingCentre, AcceptedCategories = [WasteCategory.Recyclable], Longitude = 120.62, Latitude = 28.03 });
        db.Facilities.Add(new Facility { Code = TransferStation, Name = "中转站", Kind = FacilityKind.TransferStation, AcceptedCategories = [WasteCategory.Other], Longitude = 120.58, Latitude = 27.97 });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static Site Site(string code, string district, string street, double lon, double lat, params WasteCategory[] bins) => new()
    {
        Code = code,
        Name = code,
        Type = SiteType.PublicPlace,
        DistrictCode = district,
        StreetCode = street,
        Longitude = lon,
        Latitude = lat,
        Floors = 1,
        Bins = bins.Select(c => new Bin { Category = c, Placement = BinPlacement.Site, Count = 1, VolumeLitres = 240 }).ToList(),
    };
}
