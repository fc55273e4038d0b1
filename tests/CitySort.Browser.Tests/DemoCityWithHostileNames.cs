using System.Net.Http.Json;
using System.Text.Json;
using CitySort.Planning;
using CitySort.Server;
using CitySort.Server.Tests;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Browser.Tests;

/// <summary>
/// A server on the demo city in which every name that reaches the dashboard from outside (district, street, community,
/// site and address, facility, hauler) has been replaced by markup that would run script if it were ever parsed as
/// HTML, with the day 2015-12-01 planned so that the plans page has stops, trips, facilities and depots to show.
/// </summary>
public sealed class DemoCityWithHostileNames : IAsyncLifetime
{
    private TestDatabase? _database;
    private RunningServer? _server;

    /// <summary>The day planned before the tests open the pages.</summary>
    public const string PlannedDay = "2015-12-01";

    /// <summary>
    /// The hostile name of one kind of record: an image whose error handler would set <c>window.__xss</c>, followed
    /// by the kind so that each kind can be recognised on the page.
    /// </summary>
    public static string Hostile(string kind) => "<img src=x onerror=\"window.__xss='" + kind + "'\">" + kind;

    /// <summary>The running server.</summary>
    public RunningServer Server => _server ?? throw new InvalidOperationException("The fixture was not initialised.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        var cancel = TestContext.Current.CancellationToken;
        // First start seeds the demo city; then the names are replaced in the database, as a hostile import would leave them.
        await using (var seeding = await RunningServer.StartAsync(new ServerOptions { Storage = _database.Storage, SeedDemo = true }, cancel))
        {
            // API requests wait until the registry is ready, that is until the demo city is seeded.
            var first = await seeding.Client.GetFromJsonAsync<JsonElement>("api/sites?pageSize=1", cancel);
            Assert.True(first.GetProperty("total").GetInt32() > 0, "the demo city was not seeded");
        }

        var builder = new DbContextOptionsBuilder<CitySortDbContext>();
        _database.Storage.ApplyTo(builder);
        await using (var db = new CitySortDbContext(builder.Options))
        {
            await db.Districts.ExecuteUpdateAsync(s => s.SetProperty(d => d.NameZh, Hostile("district")), cancel);
            await db.Streets.ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, Hostile("street")), cancel);
            await db.Communities.ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, Hostile("community")), cancel);
            await db.Sites.ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, Hostile("site")).SetProperty(x => x.Address, Hostile("address")), cancel);
            await db.Facilities.ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, Hostile("facility")), cancel);
            await db.Haulers.ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, Hostile("hauler")), cancel);
        }

        _server = await RunningServer.StartAsync(
            new ServerOptions { Storage = _database.Storage, SeedDemo = false, Planning = new PlanningOptions { TimeLimitPerPlan = TimeSpan.FromSeconds(1) } },
            cancel);
        using var plan = await _server.Client.PostAsync(new Uri("api/plans/" + PlannedDay, UriKind.Relative), null, cancel);
        var events = await plan.Content.ReadAsStringAsync(cancel);
        Assert.True(plan.IsSuccessStatusCode && events.Contains("event: summary", StringComparison.Ordinal), "planning " + PlannedDay + " failed: " + events);
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
    }
}
