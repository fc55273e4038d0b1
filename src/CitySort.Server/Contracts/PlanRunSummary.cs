using CitySort.Planning;

namespace CitySort.Server.Contracts;

/// <summary>
/// The last server-sent event (<c>summary</c>) of <c>POST /api/plans/{date}</c>: what the planning run produced.
/// Figures are sums over the plans made (one per area and category, W96-T3 dedicated lines).
/// </summary>
/// <param name="Date">The planned business day.</param>
/// <param name="PlanCount">Plans made (area × category).</param>
/// <param name="VehicleCount">Vehicles given at least one trip.</param>
/// <param name="TripCount">Trips, each ending at an accepting facility.</param>
/// <param name="DueSiteCount">Sites due that day over every plan.</param>
/// <param name="UnservedCount">Due sites left unserved (each with its reason in the plan).</param>
/// <param name="TotalLoadKg">Planned collected load, kg.</param>
/// <param name="TotalDistanceMetres">Planned driven distance, metres.</param>
/// <param name="LastReturnAt">When the last vehicle is back at its depot (local time), or null without trips.</param>
/// <param name="Notes">Why some areas or categories were not planned (plain sentences).</param>
public sealed record PlanRunSummary(
    DateOnly Date,
    int PlanCount,
    int VehicleCount,
    int TripCount,
    int DueSiteCount,
    int UnservedCount,
    long TotalLoadKg,
    long TotalDistanceMetres,
    TimeOnly? LastReturnAt,
    IReadOnlyList<string> Notes)
{
    /// <summary>Summarises <paramref name="set"/>.</summary>
    /// <param name="set">The plans just made.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="set"/> is null.</exception>
    public static PlanRunSummary Of(DailyPlanSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var trips = set.Plans.SelectMany(p => p.Trips).ToList();
        return new PlanRunSummary(
            set.Date,
            set.Plans.Count,
            trips.Select(t => t.VehiclePlate).Distinct(StringComparer.Ordinal).Count(),
            trips.Count,
            set.DueSiteCount,
            set.UnservedCount,
            set.Plans.Sum(p => p.TotalLoadKg),
            set.Plans.Sum(p => p.TotalDistanceMetres),
            trips.Where(t => t.ReturnsToDepotAt is not null).Select(t => t.ReturnsToDepotAt).Max(),
            set.Notes);
    }
}
