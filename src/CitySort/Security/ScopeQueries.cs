using CitySort.Collection.Violations;
using CitySort.Planning;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Security;

/// <summary>
/// The registry and collection queries narrowed to an <see cref="AccessScope"/> (issue 12, "scoping enforced in the
/// data"): a record of a district outside the scope is left out of the query itself, so that no page, export or
/// stream built on it can show it. Each method returns its query unchanged for the whole city.
/// </summary>
public static class ScopeQueries
{
    /// <summary>The vehicles registered in the scope's districts (<see cref="Vehicle.DistrictCode"/>), or a hauler scope's own vehicles.</summary>
    /// <param name="query">The vehicles.</param>
    /// <param name="scope">The reader's scope.</param>
    public static IQueryable<Vehicle> InScope(this IQueryable<Vehicle> query, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.HaulerCode is { } hauler)
        {
            return query.Where(v => v.HaulerCode == hauler);
        }

        var codes = Codes(scope);
        return codes is null ? query : query.Where(v => codes.Contains(v.DistrictCode));
    }

    /// <summary>The dedicated lines of the scope's districts (<see cref="DedicatedLine.DistrictCode"/>).</summary>
    /// <param name="query">The lines.</param>
    /// <param name="scope">The reader's scope.</param>
    public static IQueryable<DedicatedLine> InScope(this IQueryable<DedicatedLine> query, AccessScope scope) => query.InScope(scope, null);

    /// <summary>
    /// The dedicated lines of the scope's districts, or (a hauler scope) the lines driven by the hauler's vehicles
    /// among <paramref name="vehicles"/>; without <paramref name="vehicles"/> a hauler scope gets no line.
    /// </summary>
    /// <param name="query">The lines.</param>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="vehicles">The registry's vehicles (to find a hauler's plates), or null.</param>
    public static IQueryable<DedicatedLine> InScope(this IQueryable<DedicatedLine> query, AccessScope scope, IQueryable<Vehicle>? vehicles)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.HaulerCode is not null)
        {
            if (vehicles is null)
            {
                return query.Where(_ => false);
            }

            var plates = vehicles.InScope(scope).Select(v => v.Plate);
            return query.Where(l => l.VehiclePlate != null && plates.Contains(l.VehiclePlate));
        }

        var codes = Codes(scope);
        return codes is null ? query : query.Where(l => codes.Contains(l.DistrictCode));
    }

    /// <summary>The sites registered in the scope's districts (<see cref="Site.DistrictCode"/>).</summary>
    /// <param name="query">The sites.</param>
    /// <param name="scope">The reader's scope.</param>
    public static IQueryable<Site> InScope(this IQueryable<Site> query, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var codes = Codes(scope);
        return codes is null ? query : query.Where(s => codes.Contains(s.DistrictCode));
    }

    /// <summary>The daily plans of the scope's districts (<see cref="DailyPlan.DistrictCode"/>); a hauler scope gets none.</summary>
    /// <param name="query">The plans.</param>
    /// <param name="scope">The reader's scope.</param>
    public static IQueryable<DailyPlan> InScope(this IQueryable<DailyPlan> query, AccessScope scope) => query.InScope(scope, null);

    /// <summary>
    /// The daily plans of the scope's districts, or (a hauler scope) the plans in which one of the hauler's vehicles
    /// among <paramref name="vehicles"/> drives a trip; without <paramref name="vehicles"/> a hauler scope gets none.
    /// Which trips of such a plan a hauler may read is <see cref="PlatesAsync"/>'s answer.
    /// </summary>
    /// <param name="query">The plans.</param>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="vehicles">The registry's vehicles (to find a hauler's plates), or null.</param>
    public static IQueryable<DailyPlan> InScope(this IQueryable<DailyPlan> query, AccessScope scope, IQueryable<Vehicle>? vehicles)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.HaulerCode is not null)
        {
            if (vehicles is null)
            {
                return query.Where(_ => false);
            }

            var plates = vehicles.InScope(scope).Select(v => v.Plate);
            return query.Where(p => p.Trips.Any(t => plates.Contains(t.VehiclePlate)));
        }

        var codes = Codes(scope);
        return codes is null ? query : query.Where(p => codes.Contains(p.DistrictCode));
    }

    /// <summary>
    /// The plates of a hauler scope's vehicles (<see cref="Vehicle.HaulerCode"/>, retired ones included), or null for
    /// any other scope: a hauler reads only these vehicles' trips, positions and events.
    /// </summary>
    /// <param name="db">The registry.</param>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<IReadOnlySet<string>?> PlatesAsync(CitySortDbContext db, AccessScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.HaulerCode is null)
        {
            return null;
        }

        var plates = await db.Vehicles.AsNoTracking().InScope(scope).Select(v => v.Plate).ToListAsync(cancellationToken);
        return plates.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The violations of the scope's districts (<see cref="Violation.DistrictCode"/>); a violation of no district (at a
    /// facility of the whole city) is the city's, outside every district officer's scope.
    /// </summary>
    /// <param name="query">The violations.</param>
    /// <param name="scope">The reader's scope.</param>
    public static IQueryable<Violation> InScope(this IQueryable<Violation> query, AccessScope scope) => query.InScope(scope, null);

    /// <summary>
    /// The violations of the scope's districts, or (a hauler scope) those of the hauler's vehicles among
    /// <paramref name="vehicles"/>; without <paramref name="vehicles"/> a hauler scope gets none.
    /// </summary>
    /// <param name="query">The violations.</param>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="vehicles">The registry's vehicles (to find a hauler's plates), or null.</param>
    public static IQueryable<Violation> InScope(this IQueryable<Violation> query, AccessScope scope, IQueryable<Vehicle>? vehicles)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.HaulerCode is not null)
        {
            if (vehicles is null)
            {
                return query.Where(_ => false);
            }

            var plates = vehicles.InScope(scope).Select(v => v.Plate);
            return query.Where(v => v.VehiclePlate != null && plates.Contains(v.VehiclePlate));
        }

        var codes = Codes(scope);
        return codes is null ? query : query.Where(v => v.DistrictCode != null && codes.Contains(v.DistrictCode));
    }

    /// <summary>
    /// The ids of the devices within the scope (the devices of its vehicles; a weighbridge at a facility is the
    /// city's), or null for the whole city: the filter of <see cref="Collection.RejectionQuery.DeviceIds"/>.
    /// </summary>
    /// <param name="db">The registry.</param>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<IReadOnlyList<string>?> DeviceIdsAsync(CitySortDbContext db, AccessScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsCityWide)
        {
            return null;
        }

        var plates = db.Vehicles.InScope(scope).Select(v => v.Plate);
        return await db.Devices.AsNoTracking().Where(d => d.VehiclePlate != null && plates.Contains(d.VehiclePlate)).Select(d => d.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The scope's district codes as an array EF Core turns into <c>IN (…)</c>, or null for the whole city (a hauler scope's is empty).</summary>
    private static string[]? Codes(AccessScope scope) => scope.DistrictCodes?.ToArray();
}
