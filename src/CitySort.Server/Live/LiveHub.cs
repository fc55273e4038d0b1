using System.Security.Claims;
using CitySort.Server.Security;
using Microsoft.AspNetCore.SignalR;

namespace CitySort.Server.Live;

/// <summary>
/// The live dashboard's SignalR hub at <see cref="Path"/> (W96-A6). Clients only listen: the server sends
/// <see cref="VehiclePositionMessage"/> (<c>"vehiclePosition"</c>) for each vehicle that moved and
/// <see cref="BatchCommittedMessage"/> (<c>"batchCommitted"</c>), throttled, after intake commits. Requires the
/// <see cref="AuthorizationPolicyNames.LiveRead"/> policy. Each connection joins the groups of its user's scope on connecting
/// (<see cref="AccessScopes"/>): a city-wide role the <see cref="CityGroup"/>, a district officer the
/// <see cref="DistrictGroup"/> of each of the account's districts and nothing else, a hauler the <see cref="HaulerGroup"/>
/// of its hauler alone, so that the feed (<see cref="LiveFeed"/>) reaches a district officer with the account's
/// districts' vehicles and events only, and a hauler with its own vehicles' only.
/// </summary>
public sealed class LiveHub : Hub
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Path = "/hubs/live";

    /// <summary>The name of the message that carries a vehicle's new position.</summary>
    public const string VehiclePositionMethod = "vehiclePosition";

    /// <summary>The name of the message that says committed batches changed the KPIs of some business days.</summary>
    public const string BatchCommittedMethod = "batchCommitted";

    /// <summary>The group of the city-wide connections: every vehicle and the whole city's notices.</summary>
    public const string CityGroup = "city";

    /// <summary>The group of the connections scoped to district <paramref name="districtCode"/>: its vehicles and its events' notices.</summary>
    /// <param name="districtCode">A six-digit district code.</param>
    /// <returns>The group name, <c>district:330302</c> for Lucheng.</returns>
    public static string DistrictGroup(string districtCode) => "district:" + districtCode;

    /// <summary>The group of the connections of hauler <paramref name="haulerCode"/>'s accounts: its vehicles and its vehicles' events' notices.</summary>
    /// <param name="haulerCode">A hauler's code.</param>
    /// <returns>The group name, <c>hauler:SAN-LC</c> for the Lucheng sanitation office.</returns>
    public static string HaulerGroup(string haulerCode) => "hauler:" + haulerCode;

    /// <summary>Adds the connection to the groups of its user's scope.</summary>
    /// <returns>A task that completes when the connection has joined its groups.</returns>
    public override async Task OnConnectedAsync()
    {
        var scope = AccessScopes.Of(Context.User ?? new ClaimsPrincipal());
        if (scope.HaulerCode is { } hauler)
        {
            // A hauler account without a hauler code has an empty one: it joins no group.
            if (hauler.Length > 0)
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, HaulerGroup(hauler), Context.ConnectionAborted);
            }
        }
        else if (scope.DistrictCodes is { } districts)
        {
            foreach (var district in districts)
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, DistrictGroup(district), Context.ConnectionAborted);
            }
        }
        else
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, CityGroup, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }
}
