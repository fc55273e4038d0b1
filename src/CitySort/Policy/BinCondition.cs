namespace CitySort.Policy;

/// <summary>When a bin rule applies to a site (W96-B1..B4). JSON names are camelCase: <c>always</c>, <c>highRise</c>, …</summary>
public enum BinCondition
{
    /// <summary>Every site of the type.</summary>
    Always = 1,

    /// <summary>High-rise sites: floors at least the profile setting <c>highRiseMinFloors</c> (W96-B1).</summary>
    HighRise = 2,

    /// <summary>Sites with a canteen (catering-waste bins, W96-B2/B3).</summary>
    HasCanteen = 3,

    /// <summary>Compounds chosen for the wet/dry (kitchen-waste) pilot (W96-B1).</summary>
    WetDryPilot = 4,

    /// <summary>Public places on main roads, squares, footbridges, underpasses and commercial streets (W96-B4).</summary>
    BaggedZone = 5,

    /// <summary>Public places where much kitchen waste arises (W96-B4).</summary>
    KitchenWasteHeavy = 6,

    /// <summary>Sites with property management (W96-C0, W96-W3).</summary>
    HasPropertyManagement = 7,
}
