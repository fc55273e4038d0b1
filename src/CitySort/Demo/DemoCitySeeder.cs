using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Demo;

/// <summary>
/// Fills an empty registry with the demo city (issue item 5): the server calls it at first start. "Empty" means no
/// sites; divisions already imported are kept and used. Districts without a boundary get the generator's illustrative
/// one (flagged <see cref="District.BoundaryIsIllustrative"/>); facilities, haulers, vehicles and lines whose codes are
/// already present are left as they are. Everything is written in one transaction, and every record written is marked
/// illustrative (<c>IsIllustrative</c>), so that <see cref="DemoRegistry.RemoveAsync"/> can take it out again.
/// </summary>
/// <param name="contextFactory">Creates contexts for the configured database.</param>
/// <param name="generator">Builds the city.</param>
public sealed class DemoCitySeeder(IDbContextFactory<CitySortDbContext> contextFactory, DemoCityGenerator generator)
{
    /// <summary>
    /// Seeds the demo city of <paramref name="profile"/> (<see cref="DemoCityFactory.SpecFor"/>) when the registry has no
    /// site: the one demo city that <c>citysort serve</c> and <c>citysort plan --demo</c> both build.
    /// </summary>
    /// <param name="profile">The profile in force.</param>
    /// <param name="seed">The seed (<see cref="DemoCityFactory.DefaultSeed"/> unless the caller was told otherwise).</param>
    /// <param name="cancellationToken">Cancels the seeding; nothing is written then.</param>
    /// <returns>What was written; <see cref="DemoSeedResult.Seeded"/> is false when the registry already had sites.</returns>
    public Task<DemoSeedResult> SeedIfEmptyAsync(PolicyProfile profile, int seed, CancellationToken cancellationToken) =>
        SeedIfEmptyAsync(DemoCityFactory.SpecFor(profile), seed, cancellationToken);

    /// <summary>Seeds the demo city when the registry has no site.</summary>
    /// <param name="spec">What to build (the server fills it from the policy profile; <see cref="DemoCitySpec.Default"/> otherwise).</param>
    /// <param name="seed">The seed; the same seed over the same divisions gives the same city.</param>
    /// <param name="cancellationToken">Cancels the seeding; nothing is written then.</param>
    /// <returns>What was written; <see cref="DemoSeedResult.Seeded"/> is false when the registry already had sites.</returns>
    public async Task<DemoSeedResult> SeedIfEmptyAsync(DemoCitySpec spec, int seed, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A registry whose demo city was removed (citysort demo remove) is not seeded again at the next start.
        if (await db.Sites.AnyAsync(cancellationToken) || await db.RegistrySettings.AnyAsync(s => s.Key == RegistrySetting.DemoRemovedKey, cancellationToken))
        {
            return new DemoSeedResult(false, 0, 0, 0, 0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var districts = await db.Districts.OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var streets = await db.Streets.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var communities = await db.Communities.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var city = generator.Generate(spec, seed, districts, streets, communities);

        // Thousands of new entities: attach them once and let SaveChanges write them, without a change scan per Add.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Districts.AddRange(city.Districts);
        foreach (var district in districts.Concat(city.Districts))
        {
            if (city.IllustrativeBoundaries.TryGetValue(district.Code, out var geoJson) && (district.BoundaryGeoJson is null || district.BoundaryIsIllustrative))
            {
                var envelope = System.Text.Json.JsonSerializer.Deserialize<NetTopologySuite.Geometries.Geometry>(geoJson, GeoJson())!.EnvelopeInternal;
                district.BoundaryGeoJson = geoJson;
                district.BoundarySourceDatum = CoordinateDatum.Wgs84;
                district.BoundaryIsIllustrative = true;
                district.BoundarySource = "demo";
                district.MinLongitude = envelope.MinX;
                district.MinLatitude = envelope.MinY;
                district.MaxLongitude = envelope.MaxX;
                district.MaxLatitude = envelope.MaxY;
            }
        }

        db.Streets.AddRange(city.Streets);
        db.Sites.AddRange(city.Sites);
        var facilityCodes = (await db.Facilities.Select(f => f.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var haulerCodes = (await db.Haulers.Select(h => h.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var plates = (await db.Vehicles.Select(v => v.Plate).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var lineCodes = (await db.DedicatedLines.Select(l => l.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var facilities = city.Facilities.Where(f => !facilityCodes.Contains(f.Code)).ToList();
        var vehicles = city.Vehicles.Where(v => !plates.Contains(v.Plate)).ToList();
        var residualFleet = city.ResidualFleet.Where(v => !plates.Contains(v.Plate)).ToList();
        var lines = city.DedicatedLines.Where(l => !lineCodes.Contains(l.Code)).ToList();
        db.Facilities.AddRange(facilities);
        db.Haulers.AddRange(city.Haulers.Where(h => !haulerCodes.Contains(h.Code)));
        db.Vehicles.AddRange(vehicles);
        db.Vehicles.AddRange(residualFleet);
        db.DedicatedLines.AddRange(lines);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DemoSeedResult(true, city.Sites.Count, city.Sites.Sum(s => s.Bins.Count), facilities.Count, vehicles.Count, lines.Count);
    }

    private static System.Text.Json.JsonSerializerOptions GeoJson()
    {
        var options = new System.Text.Json.JsonSerializerOptions();
        options.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
        return options;
    }
}
