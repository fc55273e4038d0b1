using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>
/// One site's year of the site rollup by year (<c>collection_rollup_site_year</c>, read by
/// <see cref="Storage.MonthRollups.ReadSiteYearsAsync"/>): per category, the days of each month with at least one
/// pickup of it there, and the month's days cleared by the clearance time. Each count packs the twelve months five
/// bits apiece: month <c>m</c> (1..12) holds bits <c>5 × (m − 1)</c> to <c>5 × (m − 1) + 4</c> (a month has at most
/// 31 days).
/// </summary>
/// <param name="Year">The calendar year.</param>
/// <param name="SiteCode">The site.</param>
/// <param name="RecyclableDays">Packed days with a <c>Recyclable</c> pickup.</param>
/// <param name="HazardousDays">Packed days with a <c>Hazardous</c> pickup.</param>
/// <param name="OtherDays">Packed days with an <c>Other</c> pickup.</param>
/// <param name="KitchenDays">Packed days with a <c>Kitchen</c> pickup.</param>
/// <param name="OtherClearedDays">Packed days whose first <c>Other</c> pickup came no later than the stored clearance time (W96-K3).</param>
public sealed record SiteYearMonths(int Year, string SiteCode, long RecyclableDays, long HazardousDays, long OtherDays, long KitchenDays, long OtherClearedDays)
{
    /// <summary>The same record (named for what the store reads: the five packed counts).</summary>
    /// <param name="year">The calendar year.</param>
    /// <param name="siteCode">The site.</param>
    /// <param name="recyclable">Packed days with a <c>Recyclable</c> pickup.</param>
    /// <param name="hazardous">Packed days with a <c>Hazardous</c> pickup.</param>
    /// <param name="other">Packed days with an <c>Other</c> pickup.</param>
    /// <param name="kitchen">Packed days with a <c>Kitchen</c> pickup.</param>
    /// <param name="cleared">Packed cleared days.</param>
    public static SiteYearMonths FromCounts(int year, string siteCode, long recyclable, long hazardous, long other, long kitchen, long cleared) =>
        new(year, siteCode, recyclable, hazardous, other, kitchen, cleared);

    /// <summary>Month <paramref name="month"/>'s count of a packed value.</summary>
    /// <param name="packed">A packed count.</param>
    /// <param name="month">The month of the year, 1..12.</param>
    public static int Of(long packed, int month) => (int)((packed >> (5 * (month - 1))) & 31);

    /// <summary>The mask (<see cref="KpiSiteBasis.Bit(WasteCategory)"/>) of the categories collected at the site at least once in month <paramref name="month"/> (1..12).</summary>
    /// <param name="month">The month of the year.</param>
    public int CollectedMask(int month) =>
        (Of(RecyclableDays, month) > 0 ? KpiSiteBasis.Bit(WasteCategory.Recyclable) : 0)
        | (Of(HazardousDays, month) > 0 ? KpiSiteBasis.Bit(WasteCategory.Hazardous) : 0)
        | (Of(OtherDays, month) > 0 ? KpiSiteBasis.Bit(WasteCategory.Other) : 0)
        | (Of(KitchenDays, month) > 0 ? KpiSiteBasis.Bit(WasteCategory.Kitchen) : 0);

    /// <summary>The cleared days of month <paramref name="month"/> (1..12).</summary>
    /// <param name="month">The month of the year.</param>
    public int ClearedDays(int month) => Of(OtherClearedDays, month);
}
