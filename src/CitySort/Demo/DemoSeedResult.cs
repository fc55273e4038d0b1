namespace CitySort.Demo;

/// <summary>The outcome of <see cref="DemoCitySeeder.SeedIfEmptyAsync(DemoCitySpec, int, CancellationToken)"/>.</summary>
/// <param name="Seeded">False when the registry already had sites and nothing was written.</param>
/// <param name="Sites">Sites written.</param>
/// <param name="Bins">Bin groups written.</param>
/// <param name="Facilities">Facilities written.</param>
/// <param name="Vehicles">Vehicles written.</param>
/// <param name="DedicatedLines">Dedicated lines written.</param>
public sealed record DemoSeedResult(bool Seeded, int Sites, int Bins, int Facilities, int Vehicles, int DedicatedLines);
