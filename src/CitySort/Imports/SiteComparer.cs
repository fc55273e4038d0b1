using CitySort.Registry;

namespace CitySort.Imports;

/// <summary>
/// Compares and copies the content of two sites (everything but the key and the source, the illustrative mark
/// included, so that a real file naming a demo site's code takes it over), bins as a multiset.
/// </summary>
internal static class SiteComparer
{
    public static bool SameContent(Site a, Site b) =>
        a.Name == b.Name && a.Type == b.Type && a.DistrictCode == b.DistrictCode && a.StreetCode == b.StreetCode
        && a.CommunityCode == b.CommunityCode && a.Address == b.Address
        && a.Longitude.Equals(b.Longitude) && a.Latitude.Equals(b.Latitude) && a.SourceDatum == b.SourceDatum
        && a.Households == b.Households && a.Staff == b.Staff && a.Floors == b.Floors
        && a.HasPropertyManagement == b.HasPropertyManagement && a.HasCanteen == b.HasCanteen && a.IsWetDryPilot == b.IsWetDryPilot
        && a.IsBaggedZone == b.IsBaggedZone && a.IsKitchenWasteHeavy == b.IsKitchenWasteHeavy && a.CollectedSorted == b.CollectedSorted
        && a.IsIllustrative == b.IsIllustrative
        && BinKeys(a).SequenceEqual(BinKeys(b));

    public static void CopyContent(Site from, Site to)
    {
        to.Name = from.Name;
        to.Type = from.Type;
        to.DistrictCode = from.DistrictCode;
        to.StreetCode = from.StreetCode;
        to.CommunityCode = from.CommunityCode;
        to.Address = from.Address;
        to.Longitude = from.Longitude;
        to.Latitude = from.Latitude;
        to.SourceDatum = from.SourceDatum;
        to.Households = from.Households;
        to.Staff = from.Staff;
        to.Floors = from.Floors;
        to.HasPropertyManagement = from.HasPropertyManagement;
        to.HasCanteen = from.HasCanteen;
        to.IsWetDryPilot = from.IsWetDryPilot;
        to.IsBaggedZone = from.IsBaggedZone;
        to.IsKitchenWasteHeavy = from.IsKitchenWasteHeavy;
        to.CollectedSorted = from.CollectedSorted;
        to.Source = from.Source;
        to.IsIllustrative = from.IsIllustrative;
        to.Bins.Clear();
        foreach (var bin in from.Bins)
        {
            to.Bins.Add(new Bin
            {
                SiteCode = to.Code,
                Category = bin.Category,
                Stream = bin.Stream,
                Placement = bin.Placement,
                Count = bin.Count,
                VolumeLitres = bin.VolumeLitres,
                Bagged = bin.Bagged,
            });
        }
    }

    private static IEnumerable<(int, int, int, int, int, bool)> BinKeys(Site site) =>
        site.Bins.Select(b => ((int?)b.Category ?? 0, (int?)b.Stream ?? 0, (int)b.Placement, b.Count, b.VolumeLitres, b.Bagged)).Order();
}
