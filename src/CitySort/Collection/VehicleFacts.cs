using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>What the intake knows of a registered vehicle.</summary>
/// <param name="Plate">The plate.</param>
/// <param name="DistrictCode">Its district.</param>
/// <param name="AreaCode">Its area (a district code or a profile area id such as the development zone).</param>
/// <param name="CapacityKg">The registered payload in kilograms; 0 when unknown (no capacity check).</param>
/// <param name="DedicatedCategory">The category it is dedicated to (W96-T2 sorted-transport vehicle), or null.</param>
/// <param name="DedicatedStream">The special stream it is dedicated to, or null.</param>
/// <param name="RetiredAt">When it was retired (UTC); events after it that name it are refused (<see cref="ReasonCodes.Retired"/>); null while in service.</param>
public sealed record VehicleFacts(string Plate, string DistrictCode, string AreaCode, int CapacityKg, WasteCategory? DedicatedCategory, SpecialStream? DedicatedStream, DateTimeOffset? RetiredAt = null)
{
    /// <summary>Whether the vehicle has a sealed body (W96-K5 sealed transport); see <see cref="SortedTransportRule"/>.</summary>
    public bool Sealed { get; init; }

    /// <summary>The hauler that runs it (<see cref="Vehicle.HaulerCode"/>), or null when not known: the live feed's hauler group of its messages.</summary>
    public string? HaulerCode { get; init; }
}

