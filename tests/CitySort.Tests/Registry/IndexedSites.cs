using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Tests.Registry;

/// <summary>Sites as the compliance index holds them, built by hand for the division and site-query tests.</summary>
internal static class IndexedSites
{
    /// <summary>A residential compound with the given place and compliance (no bins: compliance is stated, not evaluated).</summary>
    public static IndexedSite Of(
        PolicyProfile profile, string code, string district, string? street, bool compliant, string name = "小区", string address = "", SiteType type = SiteType.ResidentialCompound, bool illustrative = false)
    {
        var site = new Site { Code = code, Name = name, Address = address, Type = type, DistrictCode = district, StreetCode = street, IsIllustrative = illustrative };
        var facts = SiteFactsMapper.ToFacts(site, null);
        return new IndexedSite(
            site, null, null, null, null, null, profile.ResolveArea(street, null).Select(a => a.Id).ToArray(), facts, new SiteCompliance(code, compliant, []));
    }
}
