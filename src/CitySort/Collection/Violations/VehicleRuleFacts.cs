using CitySort.Registry;

namespace CitySort.Collection.Violations;

/// <summary>What the registry says about a vehicle, as the rules need it.</summary>
/// <param name="Plate">The plate.</param>
/// <param name="DistrictCode">The district it is registered with.</param>
/// <param name="DedicatedCategory">The one category it is dedicated to, or null.</param>
/// <param name="DedicatedStream">The one special stream it is dedicated to, or null.</param>
/// <param name="Sealed">True for a sealed body (W96-K5).</param>
/// <param name="IsIllustrative">True for a demo vehicle.</param>
public sealed record VehicleRuleFacts(string Plate, string? DistrictCode, WasteCategory? DedicatedCategory, SpecialStream? DedicatedStream, bool Sealed, bool IsIllustrative)
{
    /// <summary>The facts of a registry vehicle.</summary>
    /// <param name="vehicle">The vehicle.</param>
    /// <returns>Its facts.</returns>
    public static VehicleRuleFacts Of(Vehicle vehicle)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        return new VehicleRuleFacts(vehicle.Plate, vehicle.DistrictCode, vehicle.DedicatedCategory, vehicle.DedicatedStream, vehicle.Sealed, vehicle.IsIllustrative);
    }
}
