using System.Diagnostics;
using CitySort.Demo;
using CitySort.Policy;
using CitySort.Registry;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Services;

/// <summary>
/// Fills an empty registry with the deterministic demo city (<see cref="DemoCitySeeder"/>), its spec taken from the
/// profile: vehicles per area from the W96-T2 splits, dedicated lines from the W96-T3 splits, the development zone's
/// streets from the profile area, the high-rise floor count and bins per floor from the profile's settings, and the
/// wet/dry pilots per district from W96-B1. Everything else keeps <see cref="DemoCitySpec.Default"/>.
/// </summary>
internal sealed class DemoSeeding(DemoCitySeeder seeder, PolicyProfile profile, ServerOptions options, ILogger<DemoSeeding> logger)
{
    /// <summary>Seeds the demo city when the registry holds no site; does nothing otherwise.</summary>
    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var result = await seeder.SeedIfEmptyAsync(SpecFromProfile(profile), options.DemoSeed, cancellationToken);
        if (result.Seeded)
        {
            logger.LogInformation(
                "Demo city seeded (seed {Seed}): {Sites} sites, {Facilities} facilities, {Vehicles} vehicles, {Lines} dedicated lines in {Seconds:0.0} s",
                options.DemoSeed, result.Sites, result.Facilities, result.Vehicles, result.DedicatedLines, watch.Elapsed.TotalSeconds);
        }
    }

    /// <summary>The demo spec for <paramref name="profile"/> (see the type's summary for what comes from where).</summary>
    /// <param name="profile">The profile in force.</param>
    /// <returns>The spec.</returns>
    public static DemoCitySpec SpecFromProfile(PolicyProfile profile)
    {
        var defaults = DemoCitySpec.Default;
        var vehicles = profile.Targets.FirstOrDefault(t => t.Kind == TargetKind.DedicatedVehicles);
        var lines = profile.Targets.FirstOrDefault(t => t.Kind == TargetKind.DedicatedLines);
        var areas = defaults.Areas.Select(area =>
        {
            var profileArea = area.IsDistrict ? null : profile.Area(area.AreaCode);
            return area with
            {
                Vehicles = SplitFor(vehicles, area) ?? area.Vehicles,
                DedicatedLines = SplitFor(lines, area) ?? area.DedicatedLines,
                StreetCodes = profileArea is null ? area.StreetCodes : profileArea.Streets.SelectMany(s => s.Codes).ToArray(),
            };
        }).ToArray();
        var pilot = profile.RuleFor(SiteType.ResidentialCompound).WetDryPilot;
        return defaults with
        {
            Areas = areas,
            HighRiseMinFloors = profile.Settings.HighRiseMinFloors.Value,
            BinsPerFloor = profile.Settings.BinsPerFloor.Value,
            WetDryPilotsPerDistrict = pilot?.MaxPerDistrict ?? defaults.WetDryPilotsPerDistrict,
        };
    }

    /// <summary>The count a target's split gives an area (by area id, or by district code for a district), or null.</summary>
    private static int? SplitFor(Target? target, DemoAreaSpec area) =>
        target?.Splits.FirstOrDefault(s => area.IsDistrict
            ? s.AreaId is null && string.Equals(s.DistrictCode, area.DistrictCode, StringComparison.Ordinal)
            : string.Equals(s.AreaId, area.AreaCode, StringComparison.Ordinal))?.Count;
}
