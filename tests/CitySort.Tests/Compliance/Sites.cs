using CitySort.Compliance;
using CitySort.Registry;

namespace CitySort.Tests.Compliance;

/// <summary>Small builders for site facts in tests.</summary>
internal static class Sites
{
    public static SiteFacts Of(SiteType type, int floors, params BinFacts[] bins) =>
        new("S-1", type, "330302", "330302006", 0, 0, floors, false, false, false, false, false, true, bins);

    public static BinFacts Bin(WasteCategory category, BinPlacement placement, int count, bool bagged = false) =>
        new(category, null, placement, count, 120, bagged);

    public static BinFacts Bin(SpecialStream stream, BinPlacement placement, int count) =>
        new(null, stream, placement, count, 240, false);
}
