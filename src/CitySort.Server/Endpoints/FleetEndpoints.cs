using CitySort.Security;
using CitySort.Server.Contracts;
using CitySort.Server.Security;
using CitySort.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/facilities</c>, <c>/api/vehicles</c> and <c>/api/lines</c>: the treatment facilities (W96-F), the
/// sorted-transport vehicles (W96-T2) and the dedicated lines with their ordered stops (W96-T3).
/// </summary>
internal static class FleetEndpoints
{
    /// <summary>Maps the three groups under <see cref="AuthorizationPolicyNames.FleetRead"/>.</summary>
    public static void MapFleetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/facilities")
            .WithTags("Facilities and fleet")
            .RequireAuthorization(AuthorizationPolicyNames.FleetRead)
            .MapGet("/", ListFacilities)
            .WithName("ListFacilities")
            .WithSummary("The treatment and disposal facilities (W96-F, the city's: shown whole to every reader) with accepted categories, gate fee (yuan/t) and daily capacity (t), those in service; includeRetired=true adds the retired ones.");
        app.MapGroup("/api/vehicles")
            .WithTags("Facilities and fleet")
            .RequireAuthorization(AuthorizationPolicyNames.FleetRead)
            .MapGet("/", ListVehicles)
            .WithName("ListVehicles")
            .WithSummary("The sorted-transport vehicles (W96-T2), optionally those that count for one district or area in W96-T2 (district=code or area id; Longwan's exclude the development zone's); all=true adds the vehicles without a dedicated category (the existing other-waste fleet of W96-K3); includeRetired=true adds the retired vehicles. A district officer sees the vehicles registered in the account's districts (403 for another district), a hauler its own vehicles.");
        app.MapGroup("/api/lines")
            .WithTags("Facilities and fleet")
            .RequireAuthorization(AuthorizationPolicyNames.FleetRead)
            .MapGet("/", ListLines)
            .WithName("ListLines")
            .WithSummary("The dedicated sorted-transport lines (W96-T3) with their ordered stops, optionally those that count for one district or area in W96-T3; includeRetired=true adds the retired lines. A district officer sees the lines of the account's districts (403 for another district), a hauler the lines its vehicles drive.");
    }

    private static async Task<Ok<List<FacilityView>>> ListFacilities(IDbContextFactory<CitySortDbContext> contexts, bool? includeRetired, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().Where(f => includeRetired == true || f.RetiredAt == null).OrderBy(f => f.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(facilities
            .Select(f => new FacilityView(f.Code, f.Name, f.Kind, f.AcceptedCategories, f.AcceptedStreams, f.Latitude, f.Longitude, f.GateFeeYuanPerTonne, f.DailyCapacityTonnes, f.Clause, f.IsIllustrative, f.RetiredAt, f.Version))
            .ToList());
    }

    private static async Task<Results<Ok<List<VehicleView>>, ProblemHttpResult>> ListVehicles(
        IDbContextFactory<CitySortDbContext> contexts, HttpContext context, string? district, bool? all, bool? includeRetired, CancellationToken cancellationToken)
    {
        var scope = context.Scope();
        if (scope.Refuses(district) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Vehicles.AsNoTracking().InScope(scope).Include(v => v.Hauler).Where(v => includeRetired == true || v.RetiredAt == null);
        if (all != true)
        {
            // W96-T2 counts the sorted-transport vehicles; the existing other-waste fleet (W96-K3) only with all=true.
            query = query.Where(v => v.DedicatedCategory != null || v.DedicatedStream != null);
        }

        if (!string.IsNullOrWhiteSpace(district))
        {
            query = query.Where(v => v.AreaCode == district);
        }

        var vehicles = await query.OrderBy(v => v.Plate).ToListAsync(cancellationToken);
        return TypedResults.Ok(vehicles
            .Select(v => new VehicleView(v.Plate, v.DistrictCode, v.AreaCode, v.HaulerCode, v.Hauler?.Name, v.DedicatedCategory, v.DedicatedStream, v.CapacityKg, v.CapacityCubicMetres, v.Sealed, v.IsIllustrative, v.RetiredAt, v.Version))
            .ToList());
    }

    private static async Task<Results<Ok<List<LineView>>, ProblemHttpResult>> ListLines(
        IDbContextFactory<CitySortDbContext> contexts, HttpContext context, string? district, bool? includeRetired, CancellationToken cancellationToken)
    {
        var scope = context.Scope();
        if (scope.Refuses(district) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.DedicatedLines.AsNoTracking().InScope(scope, db.Vehicles).Include(l => l.Stops).Where(l => includeRetired == true || l.RetiredAt == null);
        if (!string.IsNullOrWhiteSpace(district))
        {
            query = query.Where(l => l.AreaCode == district);
        }

        var lines = await query.OrderBy(l => l.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(lines
            .Select(l => new LineView(l.Code, l.Name, l.DistrictCode, l.AreaCode, l.Category, l.Stream, l.FacilityCode, l.VehiclePlate, l.Stops.OrderBy(s => s.Sequence).Select(s => s.SiteCode).ToList(), l.IsIllustrative, l.RetiredAt, l.Version))
            .ToList());
    }
}
