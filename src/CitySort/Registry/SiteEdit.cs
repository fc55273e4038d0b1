namespace CitySort.Registry;

/// <summary>
/// A site as an office adds or changes it through the API or the dashboard (<c>POST /api/sites</c>,
/// <c>PUT /api/sites/{code}</c>): the fields of the sites CSV (docs/formats.md, "Sites CSV") as JSON, checked exactly as
/// an imported row is (<see cref="RegistryEditService"/>). The bins replace the site's bins; a bin that gives the
/// <see cref="BinEdit.Id"/> of one of the site's bins keeps it (and the events that name it).
/// </summary>
public sealed record SiteEdit
{
    /// <summary>The site's code (1 to 32 letters, digits, '-' or '_'); required to add, and when given to change it must be the site's own (a code never changes).</summary>
    public string? Code { get; init; }

    /// <summary>The site's name.</summary>
    public string? Name { get; init; }

    /// <summary>The kind of site, which selects its bin rule (W96-B1..B4).</summary>
    public SiteType Type { get; init; }

    /// <summary>The 6-digit code of the site's district (in the registry).</summary>
    public string? DistrictCode { get; init; }

    /// <summary>The 9-digit code of the site's street (in the registry, under the district), or null.</summary>
    public string? StreetCode { get; init; }

    /// <summary>The 12-digit code of the site's community (in the registry, under the street), or null.</summary>
    public string? CommunityCode { get; init; }

    /// <summary>The postal address.</summary>
    public string? Address { get; init; }

    /// <summary>Longitude in degrees of <see cref="Datum"/>.</summary>
    public double Longitude { get; init; }

    /// <summary>Latitude in degrees of <see cref="Datum"/>.</summary>
    public double Latitude { get; init; }

    /// <summary>The datum of the point: WGS-84 (GPS) by default, or GCJ-02 (Chinese map providers), converted to WGS-84 when stored.</summary>
    public CoordinateDatum Datum { get; init; } = CoordinateDatum.Wgs84;

    /// <summary>Resident households of a residential compound, or null.</summary>
    public int? Households { get; init; }

    /// <summary>People working or studying on site, or null.</summary>
    public int? Staff { get; init; }

    /// <summary>Floors of the tallest building; 0 for an open public place.</summary>
    public int Floors { get; init; }

    /// <summary>True when the compound has property management (W96-C0).</summary>
    public bool HasPropertyManagement { get; init; }

    /// <summary>True when the site has a canteen (W96-B2, W96-B3).</summary>
    public bool HasCanteen { get; init; }

    /// <summary>True for a compound of the wet/dry pilot (W96-B1).</summary>
    public bool IsWetDryPilot { get; init; }

    /// <summary>True for a public place whose bins are bagged (W96-B4).</summary>
    public bool IsBaggedZone { get; init; }

    /// <summary>True for a public place where much kitchen waste arises (W96-B4).</summary>
    public bool IsKitchenWasteHeavy { get; init; }

    /// <summary>True when the site's waste is collected sorted.</summary>
    public bool CollectedSorted { get; init; }

    /// <summary>The site's bins; they replace the stored ones.</summary>
    public IReadOnlyList<BinEdit> Bins { get; init; } = [];

    /// <summary>To change a site: the <see cref="Site.Version"/> the edit was made from; a site changed since is a conflict (409). Ignored when adding.</summary>
    public int? Version { get; init; }
}
