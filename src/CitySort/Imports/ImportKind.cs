namespace CitySort.Imports;

/// <summary>The kinds of file CitySort imports (docs/formats.md).</summary>
public enum ImportKind
{
    /// <summary>Township-level divisions CSV (format of <c>wenzhou_streets.csv</c>): districts and streets.</summary>
    Divisions = 1,

    /// <summary>Village-level divisions CSV (format of <c>wenzhou_communities.csv</c>): districts, streets, communities.</summary>
    Communities = 2,

    /// <summary>Sites CSV (CitySort's own format): sites with their bins.</summary>
    Sites = 3,

    /// <summary>District boundaries GeoJSON (a FeatureCollection of Polygon/MultiPolygon features).</summary>
    Boundaries = 4,

    /// <summary>Facilities CSV (CitySort's own format): treatment, disposal and transfer facilities (W96-F).</summary>
    Facilities = 5,

    /// <summary>Haulers CSV (CitySort's own format): collection and transport operators.</summary>
    Haulers = 6,

    /// <summary>Vehicles CSV (CitySort's own format): sorted-transport vehicles (W96-T2).</summary>
    Vehicles = 7,

    /// <summary>Dedicated lines CSV (CitySort's own format): lines with their stops (W96-T3).</summary>
    Lines = 8,

    /// <summary>Weigh tickets CSV (过磅单; docs/formats.md, "Weigh tickets CSV"), taken in through the event intake.</summary>
    Tickets = 9,

    /// <summary>Pickups CSV (收运记录; docs/formats.md, "Pickups CSV"), taken in through the event intake.</summary>
    Pickups = 10,
}
