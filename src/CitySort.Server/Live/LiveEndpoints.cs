using CitySort.Collection;
using CitySort.Collection.Live;
using CitySort.Security;
using CitySort.Server.Security;
using CitySort.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Live;

/// <summary>
/// The live dashboard's services and routes: the <see cref="LiveFeed"/> as an <see cref="ICommittedEventSink"/> and a
/// hosted service, the SignalR hub at <see cref="LiveHub.Path"/> (under <see cref="AuthorizationPolicyNames.LiveRead"/>),
/// and <c>GET /api/vehicles/positions</c> (under <see cref="AuthorizationPolicyNames.CollectionRead"/>).
/// </summary>
public static class LiveEndpoints
{
    /// <summary>Registers SignalR, the position board and the live feed.</summary>
    /// <param name="services">The server's services.</param>
    /// <param name="options">The send intervals; null for the <see cref="LiveOptions"/> defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddCitySortLive(this IServiceCollection services, LiveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSignalR();
        services.AddSingleton(options ?? new LiveOptions());
        services.AddSingleton<VehiclePositionBoard>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<ICommittedEventSink>(sp => sp.GetRequiredService<LiveFeed>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        return services;
    }

    /// <summary>Maps the hub and <c>GET /api/vehicles/positions</c>.</summary>
    /// <param name="app">The application's routes.</param>
    public static void MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHub<LiveHub>(LiveHub.Path).RequireAuthorization(AuthorizationPolicyNames.LiveRead);
        app.MapGroup("/api/vehicles/positions")
            .WithTags("Live")
            .RequireAuthorization(AuthorizationPolicyNames.CollectionRead)
            .MapGet("/", ListPositions)
            .WithName("ListVehiclePositions")
            .WithSummary("Each vehicle's latest position by device time since the server started (a late older fix never moves a vehicle backwards), ordered by plate; the live map's starting state before the SignalR feed at /hubs/live takes over. A district officer sees the vehicles registered in the account's districts.");
    }

    private static async Task<Ok<List<VehiclePositionMessage>>> ListPositions(
        VehiclePositionBoard board, IDbContextFactory<CitySortDbContext> contexts, HttpContext context, CancellationToken cancellationToken)
    {
        var scope = context.Scope();
        var positions = board.Snapshot();
        if (!scope.IsCityWide)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var plates = (await db.Vehicles.AsNoTracking().InScope(scope).Select(v => v.Plate).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            positions = positions.Where(p => plates.Contains(p.Plate)).ToList();
        }

        return TypedResults.Ok(positions.Select(VehiclePositionMessage.From).ToList());
    }
}
