using CitySort.Demo;
using CitySort.Planning;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Tests.Planning;

/// <summary>The demo city seeded into a SQLite file and planned once for <see cref="Date"/>, shared by the tests of a class.</summary>
public sealed class DemoCityPlanFixture : IAsyncLifetime
{
    /// <summary>The planned day.</summary>
    public static readonly DateOnly Date = new(2015, 12, 1);

    private TestDatabase? database;
    private ServiceProvider? services;

    /// <summary>The shipped profile.</summary>
    public PolicyProfile Profile { get; } = ProfileLoader.LoadDefault();

    /// <summary>The service under test.</summary>
    public DailyPlanService Service { get; private set; } = null!;

    /// <summary>The plans made.</summary>
    public DailyPlanSet Set { get; private set; } = null!;

    /// <summary>Progress reports received while planning, in order.</summary>
    public List<PlanningProgress> Progress { get; } = [];

    /// <summary>The registry's sites with bins, vehicles and facilities after seeding.</summary>
    public (List<Site> Sites, List<Vehicle> Vehicles, List<Facility> Facilities) Registry { get; private set; }

    /// <summary>A new context over the database.</summary>
    public CitySortDbContext Context() => database!.Context();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        database = await TestDatabase.SqliteAsync();
        await database.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 1, ct);
        services = new ServiceCollection().AddCitySortStorage(database.Options).BuildServiceProvider();
        var options = new PlanningOptions { TimeLimitPerPlan = TimeSpan.FromSeconds(3), MaxIterationsWithoutImprovement = 1000, Seed = 1 };
        Service = new DailyPlanService(services.GetRequiredService<IDbContextFactory<CitySortDbContext>>(), Profile, TimeProvider.System, options);
        Set = await Service.PlanAsync(Date, null, new Collector(Progress), ct);
        await using var db = database.Context();
        Registry = (
            await db.Sites.AsNoTracking().Include(s => s.Bins).ToListAsync(ct),
            await db.Vehicles.AsNoTracking().ToListAsync(ct),
            await db.Facilities.AsNoTracking().ToListAsync(ct));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    private sealed class Collector(List<PlanningProgress> into) : IProgress<PlanningProgress>
    {
        public void Report(PlanningProgress value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }
}
