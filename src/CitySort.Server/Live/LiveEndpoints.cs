using CitySort.Collection;
using CitySort.Collection.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Live;

/// <summary>
/// The live dashboard's services and routes: the <see cref="LiveFeed"/> as an <see cref="ICommittedEventSink"/> and a
/// hosted service, the SignalR hub at <see cref="LiveHub.Path"/>, and <c>GET /api/vehicles/positions</c>, all under
/// <see cref="AuthorizationPolicyNames.CollectionRead"/>.
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
        app.MapHub<LiveHub>(LiveHub.Path).RequireAuthorization(AuthorizationPolicyNames.CollectionRead);
        app.MapGroup("/api/vehicles/positions")
            .WithTags("Live")
            .RequireAuthorization(AuthorizationPolicyNames.CollectionRead)
            .MapGet("/", ListPositions)
            .WithName("ListVehiclePositions")
            .WithSummary("Each vehicle's latest position by device time since the server started (a late older fix never moves a vehicle backwards), ordered by plate; the live map's starting state before the SignalR feed at /hubs/live takes over.");
    }

    private static Ok<List<VehiclePositionMessage>> ListPositions(VehiclePositionBoard board) =>
        TypedResults.Ok(board.Snapshot().Select(VehiclePositionMessage.From).ToList());
}
