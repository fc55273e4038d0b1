using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Demo;

/// <summary>
/// The one source of the demo city: the spec a profile gives and the seed every command uses, so that
/// <c>citysort serve</c> and <c>citysort plan --demo</c> build the same city from the same profile. From the profile:
/// vehicles per area from the W96-T2 splits, dedicated lines from the W96-T3 splits, the development zone's streets
/// from the profile area, the high-rise floor count and bins per floor from the profile's settings, the wet/dry pilots
/// per district from W96-B1, and the bin rules of every site type (W96-B1..B4). Everything else keeps
/// <see cref="DemoCitySpec.Default"/>.
/// </summary>
public static class DemoCityFactory
{
    /// <summary>The seed of the demo city (the year of the plan, W96); the same seed gives the same city.</summary>
    public const int DefaultSeed = 2015;

    /// <summary>The demo spec for <paramref name="profile"/> (see the type's summary for what comes from where).</summary>
    /// <param name="profile">The profile in force.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="profile"/> is null.</exception>
    public static DemoCitySpec SpecFor(PolicyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
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
            SiteRules = profile.SiteTypes,
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
