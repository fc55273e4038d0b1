using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Imports;

/// <summary>
/// Where a point of the city may lie (docs/formats.md, "Points in the city"): inside the bounding box of the registered
/// district boundaries widened by <see cref="MarginDegrees"/>, or, while no boundary is registered, inside mainland
/// China's box (where GCJ-02 applies). A point outside is refused with the reason, which catches swapped latitude and
/// longitude and points of another city.
/// </summary>
internal sealed record CityExtent(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude, bool FromBoundaries)
{
    /// <summary>How far outside the boundaries' box a point may still lie, degrees (about 5 km).</summary>
    public const double MarginDegrees = 0.05;

    /// <summary>Reads the extent from the registry's district boundaries.</summary>
    public static async Task<CityExtent> ReadAsync(CitySortDbContext db, CancellationToken cancellationToken)
    {
        var boxes = await db.Districts.AsNoTracking()
            .Where(d => d.MinLongitude != null && d.MinLatitude != null && d.MaxLongitude != null && d.MaxLatitude != null)
            .Select(d => new { d.MinLongitude, d.MinLatitude, d.MaxLongitude, d.MaxLatitude })
            .ToListAsync(cancellationToken);
        if (boxes.Count == 0)
        {
            return new CityExtent(72.004, 0.8293, 137.8347, 55.8271, false);
        }

        return new CityExtent(
            boxes.Min(b => b.MinLongitude!.Value) - MarginDegrees,
            boxes.Min(b => b.MinLatitude!.Value) - MarginDegrees,
            boxes.Max(b => b.MaxLongitude!.Value) + MarginDegrees,
            boxes.Max(b => b.MaxLatitude!.Value) + MarginDegrees,
            true);
    }

    /// <summary>Why the WGS-84 point is not in the city, in Chinese and English, or null when it is.</summary>
    public Why? Refuse(double longitude, double latitude)
    {
        if (longitude >= MinLongitude && longitude <= MaxLongitude && latitude >= MinLatitude && latitude <= MaxLatitude)
        {
            return null;
        }

        var looksSwapped = latitude >= MinLongitude && latitude <= MaxLongitude && longitude >= MinLatitude && longitude <= MaxLatitude;
        var swapped = looksSwapped ? " (latitude and longitude look swapped)" : string.Empty;
        var swappedZh = looksSwapped ? "（经纬度似乎填反了）" : string.Empty;
        var where = FromBoundaries ? "the registered district boundaries" : "mainland China (no district boundary is registered yet)";
        var whereZh = FromBoundaries ? "已登记的区界" : "中国大陆（尚未登记区界）";
        return new Why(
            FormattableString.Invariant(
                $"点 {longitude:0.######}, {latitude:0.######} 在{whereZh}之外：经度 {MinLongitude:0.###}..{MaxLongitude:0.###}，纬度 {MinLatitude:0.###}..{MaxLatitude:0.###}{swappedZh}"),
            FormattableString.Invariant(
                $"the point {longitude:0.######}, {latitude:0.######} is outside {where}: longitude {MinLongitude:0.###}..{MaxLongitude:0.###}, latitude {MinLatitude:0.###}..{MaxLatitude:0.###}{swapped}"));
    }
}
