using CitySort.Planning;
using CitySort.Registry;

namespace CitySort.Demo;

/// <summary>
/// Builds the demo city's existing other-waste fleet (<see cref="DemoResidualFleetSpec"/>, W96-K3) and says how much
/// residual waste a site makes in a day. Deterministic: the same spec, sites and seed give the same plates.
/// </summary>
public static class DemoResidualFleet
{
    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>
    /// Kilograms of other (residual) waste <paramref name="site"/> makes in a day: its household waste (households ×
    /// <see cref="DemoCitySpec.KgPerHouseholdPerDay"/>, staff × <see cref="DemoCitySpec.KgPerStaffPerDay"/>, or
    /// <see cref="DemoCitySpec.KgPerPublicPlacePerDay"/>) × <see cref="DemoResidualFleetSpec.ResidualShare"/>.
    /// </summary>
    /// <param name="site">A site.</param>
    /// <param name="spec">The demo spec with its illustrative rates.</param>
    /// <returns>Kilograms, ≥ 0.</returns>
    public static double DailyResidualKg(Site site, DemoCitySpec spec)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(spec);
        var kg = site.Type switch
        {
            SiteType.ResidentialCompound => (site.Households ?? 0) * spec.KgPerHouseholdPerDay,
            SiteType.PublicPlace => spec.KgPerPublicPlacePerDay,
            _ => (site.Staff ?? 0) * spec.KgPerStaffPerDay,
        };
        return Math.Max(0, kg * spec.ResidualFleet.ResidualShare);
    }

    /// <summary>
    /// The transfer station an area's other waste goes through: the one nearest the centre of the area's sites (the
    /// same rule as the planning depot), or null when there is none.
    /// </summary>
    /// <param name="sites">The area's sites.</param>
    /// <param name="facilities">The registry's facilities.</param>
    /// <returns>The station, ties by code.</returns>
    public static Facility? StationOf(IReadOnlyCollection<Site> sites, IEnumerable<Facility> facilities)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(facilities);
        if (sites.Count == 0)
        {
            return null;
        }

        var centre = new GeoPoint(sites.Average(s => s.Longitude), sites.Average(s => s.Latitude));
        return facilities.Where(f => f.Kind == FacilityKind.TransferStation && f.AcceptedCategories.Contains(WasteCategory.Other))
            .OrderBy(f => centre.GreatCircleMetresTo(new GeoPoint(f.Longitude, f.Latitude)))
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>
    /// The fleet: per area, ⌈residual kg ÷ (capacity × trips)⌉ compactor trucks and ⌈residual kg ÷ (transfer capacity ×
    /// transfer trips)⌉ transfer trucks, of the area's other-waste hauler, sealed (W96-K5), without a dedicated
    /// category, illustrative.
    /// </summary>
    /// <param name="spec">The demo spec (areas, haulers, rates, <see cref="DemoCitySpec.ResidualFleet"/>).</param>
    /// <param name="sitesByArea">The generated sites of each area, by area code.</param>
    /// <param name="takenPlates">Plates already used (the dedicated vehicles); new plates avoid them.</param>
    /// <param name="seed">The seed of the plates.</param>
    /// <returns>The vehicles, area by area in spec order, compactors first.</returns>
    public static IReadOnlyList<Vehicle> Build(DemoCitySpec spec, IReadOnlyDictionary<string, List<Site>> sitesByArea, IEnumerable<string> takenPlates, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(sitesByArea);
        ArgumentNullException.ThrowIfNull(takenPlates);
        var fleet = spec.ResidualFleet;
        var rng = new Random(unchecked((seed * 31) + 3));
        var plates = takenPlates.ToHashSet(StringComparer.Ordinal);
        var vehicles = new List<Vehicle>();
        foreach (var area in spec.Areas)
        {
            var kg = sitesByArea.GetValueOrDefault(area.AreaCode)?.Sum(s => DailyResidualKg(s, spec)) ?? 0;
            if (kg <= 0)
            {
                continue;
            }

            var hauler = spec.Haulers.FirstOrDefault(h => h.AreaCode == area.AreaCode && h.Categories.Contains(WasteCategory.Other))
                ?? spec.Haulers.FirstOrDefault(h => h.Categories.Contains(WasteCategory.Other))
                ?? spec.Haulers.FirstOrDefault();
            if (hauler is null)
            {
                continue;
            }

            var compactors = (int)Math.Ceiling(kg / ((double)fleet.CollectionCapacityKg * fleet.CollectionTripsPerDay));
            var transfers = (int)Math.Ceiling(kg / ((double)fleet.TransferCapacityKg * fleet.TransferTripsPerDay));
            for (var i = 0; i < compactors + transfers; i++)
            {
                string plate;
                do
                {
                    plate = $"浙C{Letters[rng.Next(Letters.Length)]}{rng.Next(10000):D4}";
                }
                while (!plates.Add(plate));

                var transfer = i >= compactors;
                vehicles.Add(new Vehicle
                {
                    Plate = plate,
                    DistrictCode = area.DistrictCode,
                    AreaCode = area.AreaCode,
                    HaulerCode = hauler.Code,
                    DedicatedCategory = null,
                    CapacityKg = transfer ? fleet.TransferCapacityKg : fleet.CollectionCapacityKg,
                    CapacityCubicMetres = transfer ? 30m : 14m,
                    Sealed = true,
                    IsIllustrative = true,
                });
            }
        }

        return vehicles;
    }
}
