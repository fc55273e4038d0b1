namespace CitySort.Registry;

/// <summary>
/// A county-level division (区, district; or a county-level functional zone that a division file lists with its own
/// code, such as 330371 in the 2021 statistical codes). Natural key: <see cref="Code"/>, the 6-digit NBS
/// statistical division code (统计用区划代码). Its boundary, when known, is kept as GeoJSON geometry text in WGS-84
/// with the datum it arrived in recorded (DESIGN.md, "Coordinates and time").
/// </summary>
public sealed class District
{
    /// <summary>The 6-digit county-level code, a digit string (e.g. <c>330302</c> for 鹿城区 Lucheng).</summary>
    public required string Code { get; set; }

    /// <summary>The official Chinese name (e.g. 鹿城区).</summary>
    public required string NameZh { get; set; }

    /// <summary>The English or pinyin name (e.g. <c>Lucheng</c>); <c>null</c> when no source gave one.</summary>
    public string? NameEn { get; set; }

    /// <summary>
    /// The boundary as GeoJSON geometry text (<c>Polygon</c> or <c>MultiPolygon</c>, <c>[longitude, latitude]</c> in
    /// WGS-84 degrees); <c>null</c> when no boundary is known.
    /// </summary>
    public string? BoundaryGeoJson { get; set; }

    /// <summary>The datum the boundary arrived in (GCJ-02 boundaries are converted to WGS-84 on import).</summary>
    public CoordinateDatum? BoundarySourceDatum { get; set; }

    /// <summary>
    /// True when the boundary is an illustrative shape made by the demo city generator, not a real boundary; a real
    /// boundaries import replaces it.
    /// </summary>
    public bool BoundaryIsIllustrative { get; set; }

    /// <summary>Where the boundary came from (the imported file name, or <c>demo</c>).</summary>
    public string? BoundarySource { get; set; }

    /// <summary>West edge of the boundary's bounding box, WGS-84 longitude in degrees.</summary>
    public double? MinLongitude { get; set; }

    /// <summary>South edge of the boundary's bounding box, WGS-84 latitude in degrees.</summary>
    public double? MinLatitude { get; set; }

    /// <summary>East edge of the boundary's bounding box, WGS-84 longitude in degrees.</summary>
    public double? MaxLongitude { get; set; }

    /// <summary>North edge of the boundary's bounding box, WGS-84 latitude in degrees.</summary>
    public double? MaxLatitude { get; set; }

    /// <summary>
    /// True when the record is illustrative: made up by the demo city generator, not part of what the city really has.
    /// The API returns it on every view, the dashboard marks it, and <c>citysort demo remove</c> deletes it.
    /// </summary>
    public bool IsIllustrative { get; set; }

    /// <summary>Where the division itself came from (the imported file name, or <c>demo</c>).</summary>
    public string? Source { get; set; }

    /// <summary>The streets of the district.</summary>
    public List<Street> Streets { get; set; } = [];
}
