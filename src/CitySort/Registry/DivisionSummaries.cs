using CitySort.Compliance;
using CitySort.Policy;

namespace CitySort.Registry;

/// <summary>
/// The division hierarchy as <c>GET /api/districts</c> and <c>GET /api/districts/{code}/streets</c> give it: the urban
/// districts of the profile (W96 scope) with their street, community and site counts, then the profile's areas over
/// streets (the development zone) with their streets. A pure function of the registered records, the profile and the
/// compliance index's sites: no I/O.
/// </summary>
public static class DivisionSummaries
{
    /// <summary>
    /// The districts of the profile's urban scope in its order (with <paramref name="all"/>, then every other
    /// registered division by code), then the profile's urban areas. A district counts the streets registered under its
    /// code; an area counts the streets it contains (<see cref="AreaDefinition.ContainsStreet"/>), where a street the
    /// profile lists under several codes (one per vintage of the statistical codes, e.g. 330381 of 2021 and 330303 of
    /// 2023) and that is registered under more than one of them counts once.
    /// </summary>
    /// <param name="profile">The profile in force.</param>
    /// <param name="records">The registered divisions.</param>
    /// <param name="sites">The sites of the compliance index.</param>
    /// <param name="all">True to add every registered division outside the urban scope.</param>
    /// <returns>The districts, then the areas.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static IReadOnlyList<DistrictSummary> Districts(PolicyProfile profile, DivisionRecords records, IReadOnlyList<IndexedSite> sites, bool all)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(sites);
        var codes = all
            ? profile.UrbanDistrictCodes.Concat(records.Districts.Select(d => d.Code).Where(c => !profile.UrbanDistrictCodes.Contains(c, StringComparer.Ordinal))).ToList()
            : profile.UrbanDistrictCodes.ToList();
        var result = new List<DistrictSummary>();
        foreach (var code in codes)
        {
            var row = records.Districts.FirstOrDefault(d => d.Code == code);
            var defined = profile.District(code);
            var own = records.Streets.Where(s => s.DistrictCode == code).ToList();
            var ownSites = sites.Where(s => s.Site.DistrictCode == code).ToList();
            result.Add(new DistrictSummary(
                code,
                row?.NameZh ?? defined?.Name.Zh ?? code,
                defined?.Name.En ?? row?.NameEn,
                "District",
                profile.IsInScope(code, null),
                own.Count,
                own.Sum(s => records.CommunityCounts.GetValueOrDefault(s.Code)),
                ownSites.Count,
                ownSites.Count(s => s.Compliance.IsCompliant),
                [])
            {
                IllustrativeSiteCount = ownSites.Count(s => s.Site.IsIllustrative),
                IsIllustrative = row?.IsIllustrative ?? false,
            });
        }

        foreach (var area in profile.UrbanAreas)
        {
            var own = records.Streets.Where(s => area.ContainsStreet(s.Code, s.Name)).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
            var ownSites = sites.Where(s => s.AreaIds.Contains(area.Id, StringComparer.Ordinal)).ToList();
            result.Add(new DistrictSummary(
                area.Id,
                (area.ShortName ?? area.Name).Zh,
                (area.ShortName ?? area.Name).En,
                "Area",
                true,
                DistinctStreetCount(area, own),
                own.Sum(s => records.CommunityCounts.GetValueOrDefault(s.Code)),
                ownSites.Count,
                ownSites.Count(s => s.Compliance.IsCompliant),
                own.Select(s => Street(profile, s, records, sites)).ToList())
            {
                IllustrativeSiteCount = ownSites.Count(s => s.Site.IsIllustrative),
            });
        }

        return result;
    }

    /// <summary>
    /// The streets of district <paramref name="code"/> (6 digits) or of the profile area with that id, ordered by code;
    /// null when neither the registry nor the profile knows the code.
    /// </summary>
    /// <param name="profile">The profile in force.</param>
    /// <param name="records">The registered divisions.</param>
    /// <param name="sites">The sites of the compliance index.</param>
    /// <param name="code">A district code or an area id.</param>
    /// <returns>The streets (empty for a known district without streets yet), or null for an unknown code.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static IReadOnlyList<StreetSummary>? Streets(PolicyProfile profile, DivisionRecords records, IReadOnlyList<IndexedSite> sites, string code)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(code);
        var area = profile.Area(code);
        var own = area is null
            ? records.Streets.Where(s => s.DistrictCode == code).ToList()
            : records.Streets.Where(s => area.ContainsStreet(s.Code, s.Name)).ToList();
        if (own.Count == 0 && area is null && records.Districts.All(d => d.Code != code) && profile.District(code) is null)
        {
            return null;
        }

        return own.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => Street(profile, s, records, sites)).ToList();
    }

    /// <summary>
    /// How many streets of <paramref name="area"/> <paramref name="streets"/> are: a street the profile lists under
    /// several codes counts once however many of them are registered (by its Chinese name in the profile); a street
    /// the profile places by name alone counts by its registered name.
    /// </summary>
    /// <param name="area">The profile area.</param>
    /// <param name="streets">The registered streets the area contains.</param>
    /// <returns>The number of distinct streets.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static int DistinctStreetCount(AreaDefinition area, IEnumerable<RegisteredStreet> streets)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(streets);
        return streets
            .Select(s => area.Streets.FirstOrDefault(d => d.Codes.Contains(s.Code, StringComparer.Ordinal))?.Name.Zh ?? s.Name)
            .Distinct(StringComparer.Ordinal)
            .Count();
    }

    private static StreetSummary Street(PolicyProfile profile, RegisteredStreet s, DivisionRecords records, IReadOnlyList<IndexedSite> sites) =>
        new(
            s.Code,
            s.Name,
            PlaceNames.StreetEn(profile, s.Code, s.Name),
            s.DistrictCode,
            profile.ResolveArea(s.Code, s.Name).Select(a => a.Id).ToList(),
            records.CommunityCounts.GetValueOrDefault(s.Code),
            sites.Count(x => x.Site.StreetCode == s.Code),
            s.IsIllustrative);
}
