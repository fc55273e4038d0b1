using Microsoft.AspNetCore.SignalR;

namespace CitySort.Server.Live;

/// <summary>
/// The live dashboard's SignalR hub at <see cref="Path"/> (W96-A6). Clients only listen: the server sends
/// <see cref="VehiclePositionMessage"/> (<c>"vehiclePosition"</c>) for each vehicle that moved and
/// <see cref="BatchCommittedMessage"/> (<c>"batchCommitted"</c>), throttled, after intake commits. Requires the
/// <see cref="AuthorizationPolicyNames.CollectionRead"/> policy.
/// </summary>
public sealed class LiveHub : Hub
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Path = "/hubs/live";

    /// <summary>The name of the message that carries a vehicle's new position.</summary>
    public const string VehiclePositionMethod = "vehiclePosition";

    /// <summary>The name of the message that says committed batches changed the KPIs of some business days.</summary>
    public const string BatchCommittedMethod = "batchCommitted";
}
