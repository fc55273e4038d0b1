namespace CitySort.Registry;

/// <summary>
/// Where a site's bins stand, as the bin rules of W96-B1..B4 distinguish them.
/// </summary>
public enum BinPlacement
{
    /// <summary>In front of the buildings, in the refuse station (垃圾坞) or along the public place: the site-level bins.</summary>
    Site = 1,

    /// <summary>On every floor of the building(s): <c>Count</c> is the number of bins over all floors.</summary>
    EveryFloor = 2,

    /// <summary>In one public area of the site (the hazardous-waste bin of W96-B1..B3).</summary>
    PublicArea = 3,

    /// <summary>At a teaching building's entrance (W96-B3).</summary>
    BuildingEntrance = 4,

    /// <summary>In the canteen (catering-waste bins, W96-B2/B3).</summary>
    Canteen = 5,

    /// <summary>At a collection point designated by the street or community (bulky and construction waste, W96-B1).</summary>
    CollectionPoint = 6,
}
