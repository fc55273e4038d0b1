using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>
/// Whether a weigh ticket's load travelled sorted (W96-T4 sorted-transport rate, profile <c>rateFormulas</c>
/// <c>sortedNetKgOverCollectedNetKg</c>; docs/kpis.md). A load is sorted when
/// <list type="bullet">
/// <item>the delivering vehicle is dedicated to the declared category or stream (a W96-T2 sorted-transport vehicle), or</item>
/// <item>the vehicle is dedicated to nothing, has a sealed body (W96-K5), and the declared category is collected by
/// the existing hauler (a collection mode with method <c>existingHauler</c>: other waste, W96-K3, "collected in the
/// existing mode through the existing transfer stations and transferred sorted").</item>
/// </list>
/// Anything else (an open truck, a vehicle dedicated to another category, a special stream carried by an undedicated
/// vehicle) is not sorted. Mixing inside a sorted vehicle is a violation of its own (W96-K5, docs/violations.md).
/// </summary>
public static class SortedTransportRule
{
    /// <summary>The categories the profile's collection modes leave to the existing hauler (method <c>existingHauler</c>).</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The categories (W96-K3: other waste in the shipped profile).</returns>
    public static IReadOnlySet<WasteCategory> ExistingHaulerCategories(PolicyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.CollectionModes.Where(m => m.Methods.Contains(CollectionMethod.ExistingHauler)).SelectMany(m => m.Categories).ToHashSet();
    }

    /// <summary>Whether the load of a ticket travelled sorted.</summary>
    /// <param name="vehicle">The delivering vehicle.</param>
    /// <param name="declaredCategory">The declared category, or null.</param>
    /// <param name="declaredStream">The declared special stream, or null.</param>
    /// <param name="existingHaulerCategories">See <see cref="ExistingHaulerCategories"/>.</param>
    /// <returns>True when sorted.</returns>
    public static bool IsSorted(VehicleFacts vehicle, WasteCategory? declaredCategory, SpecialStream? declaredStream, IReadOnlySet<WasteCategory> existingHaulerCategories)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        ArgumentNullException.ThrowIfNull(existingHaulerCategories);
        if ((declaredCategory is { } c && vehicle.DedicatedCategory == c) || (declaredStream is { } s && vehicle.DedicatedStream == s))
        {
            return true;
        }

        return vehicle.DedicatedCategory is null && vehicle.DedicatedStream is null && vehicle.Sealed
            && declaredCategory is { } declared && existingHaulerCategories.Contains(declared);
    }
}
