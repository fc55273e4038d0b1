namespace CitySort.Demo;

/// <summary>
/// How a deliberately non-compliant demo site breaks its bin rule (W96-B1..B4), chosen deterministically among the
/// kinds that apply to the site.
/// </summary>
public enum DemoBreak
{
    /// <summary>No recyclables (C1) bins at all.</summary>
    MissingRecyclable = 1,

    /// <summary>No other-waste (C3) bins at all.</summary>
    MissingOther = 2,

    /// <summary>No hazardous-waste (C2) bin.</summary>
    MissingHazardous = 3,

    /// <summary>Every-floor C1 bins: one fewer than the floors.</summary>
    TooFewFloorBins = 4,

    /// <summary>No kitchen-waste (C4) bins where they are required (school, pilot compound, kitchen-heavy public place).</summary>
    MissingKitchen = 5,

    /// <summary>No catering-waste bin in the canteen.</summary>
    MissingCatering = 6,

    /// <summary>The other-waste bins of a bagged zone are not bagged.</summary>
    NotBagged = 7,

    /// <summary>The site has no bin of a required special stream other than catering (W96-C5).</summary>
    MissingSpecialStream = 8,
}
