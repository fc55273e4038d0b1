namespace CitySort.Collection;

/// <summary>
/// One row of the site rollup by month: on how many business days of the month each category was collected at a site
/// (W96-T1 "collected sorted"), and on how many its other waste was cleared by the clearance time (W96-K3).
/// </summary>
/// <param name="Month">The month's first day.</param>
/// <param name="SiteCode">The site.</param>
/// <param name="RecyclableDays">Days with a <c>Recyclable</c> pickup.</param>
/// <param name="HazardousDays">Days with a <c>Hazardous</c> pickup.</param>
/// <param name="OtherDays">Days with an <c>Other</c> pickup.</param>
/// <param name="KitchenDays">Days with a <c>Kitchen</c> pickup.</param>
/// <param name="OtherClearedDays">Days whose first <c>Other</c> pickup came no later than the clearance time the rollup was kept for.</param>
public sealed record SiteMonthRollup(DateOnly Month, string SiteCode, long RecyclableDays, long HazardousDays, long OtherDays, long KitchenDays, long OtherClearedDays)
{
    /// <summary>The categories collected on at least one day of the month.</summary>
    public IEnumerable<string> CategoriesCollected()
    {
        if (RecyclableDays > 0)
        {
            yield return nameof(Registry.WasteCategory.Recyclable);
        }

        if (HazardousDays > 0)
        {
            yield return nameof(Registry.WasteCategory.Hazardous);
        }

        if (OtherDays > 0)
        {
            yield return nameof(Registry.WasteCategory.Other);
        }

        if (KitchenDays > 0)
        {
            yield return nameof(Registry.WasteCategory.Kitchen);
        }
    }
}
