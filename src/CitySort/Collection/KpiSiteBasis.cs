using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>
/// The registry's sites as coverage (W96-T1) and same-day clearance (W96-K3) see them in every period, prepared once
/// per registry load so that a period costs only its collected flags: each site's bins checked against the profile
/// (<see cref="SiteCoverageInput.From"/>), the urban scope (<see cref="CoverageCalculator.InScope"/>), the categories
/// a site must have collected to be collected sorted, and the sites due for clearance. The figures are those of
/// <see cref="KpiCalculator.Coverage(PolicyProfile, IReadOnlyList{SiteCoverageInput}, ILookup{string, string}, string?)"/>
/// and <see cref="KpiCalculator.SameDayClearance(PolicyProfile, IReadOnlyList{SiteFacts}, IReadOnlyDictionary{string, long}, int, string?)"/>
/// over the sites in service on the period's last day; the same arithmetic, not a second formula.
/// </summary>
public sealed class KpiSiteBasis
{
    private readonly PolicyProfile profile;
    private readonly CoverageSite[] coverage;
    private readonly string[] districts;
    private readonly DueSite[] due;
    private readonly bool anyRetired;

    /// <summary>Prepares the sites.</summary>
    /// <param name="profile">The profile (bin rules, scope, weighting, targets).</param>
    /// <param name="sites">The registry's sites with their bins.</param>
    /// <param name="retiredAt">Site code → when it was retired; sites missing from it are in service.</param>
    /// <exception cref="ArgumentException">As <see cref="BinRuleEvaluator.Evaluate"/>.</exception>
    public KpiSiteBasis(PolicyProfile profile, IReadOnlyList<SiteFacts> sites, IReadOnlyDictionary<string, DateTimeOffset?> retiredAt)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(retiredAt);
        this.profile = profile;
        var covered = profile.Settings.Covered.Value;
        var weights = profile.Settings.CoverageWeighting.Value;
        var inScope = CoverageCalculator.InScope(profile, sites.Select(s => SiteCoverageInput.From(profile, s)));
        districts = inScope.Select(s => s.Site.DistrictCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var districtIndex = districts.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        coverage = inScope
            .Select(s => new CoverageSite(
                s.Site.SiteCode,
                s.Site.SiteType,
                districtIndex[s.Site.DistrictCode],
                CoverageCalculator.WeightOf(weights, s.Site),
                covered.IsCovered(s.BinsInPlace, collectedSorted: true),
                covered.IsCovered(s.BinsInPlace, collectedSorted: false),
                MaskOf(s.Site.Bins.Where(b => b.Category is not null && b.Count > 0).Select(b => b.Category!.Value)),
                retiredAt.GetValueOrDefault(s.Site.SiteCode)))
            .ToArray();
        due = sites.Where(s => KpiCalculator.IsDueForClearance(profile, s)).Select(s => new DueSite(s, retiredAt.GetValueOrDefault(s.SiteCode))).ToArray();
        anyRetired = retiredAt.Values.Any(r => r is not null);
    }

    /// <summary>The bit of a category in a collected mask (<see cref="Coverage"/>): 1 shifted by the category's number.</summary>
    /// <param name="category">The category.</param>
    public static int Bit(WasteCategory category) => 1 << (int)category;

    /// <summary>
    /// The bit of a category named as the rollups name it (<c>Recyclable</c>, <c>Hazardous</c>, <c>Other</c>,
    /// <c>Kitchen</c>, exactly), or 0 for any other text, which no bin's category can match.
    /// </summary>
    /// <param name="name">The category's name.</param>
    public static int Bit(string name) => name switch
    {
        nameof(WasteCategory.Recyclable) => Bit(WasteCategory.Recyclable),
        nameof(WasteCategory.Hazardous) => Bit(WasteCategory.Hazardous),
        nameof(WasteCategory.Other) => Bit(WasteCategory.Other),
        nameof(WasteCategory.Kitchen) => Bit(WasteCategory.Kitchen),
        _ => 0,
    };

    /// <summary>The mask of categories.</summary>
    /// <param name="categories">The categories.</param>
    public static int MaskOf(IEnumerable<WasteCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        return categories.Aggregate(0, (mask, c) => mask | Bit(c));
    }

    /// <summary>
    /// Coverage of a period (W96-T1): a site is collected sorted when every category it holds bins of is in its
    /// collected mask (a site without category bins never is), then the city figure and one per district.
    /// </summary>
    /// <param name="collected">Site code → the mask (<see cref="Bit(WasteCategory)"/>) of the categories collected there in the period; missing = none.</param>
    /// <param name="periodEnd">The period's last day (sites retired by then are left out, docs/registry.md "Retiring").</param>
    /// <param name="districtCode">Only this district, or null for the city and every district.</param>
    public IReadOnlyList<KpiFigure> Coverage(IReadOnlyDictionary<string, int> collected, DateOnly periodEnd, string? districtCode)
    {
        ArgumentNullException.ThrowIfNull(collected);
        var city = new CoverageTally();
        var byDistrict = districts.Select(_ => new CoverageTally()).ToArray();
        foreach (var site in coverage)
        {
            if (anyRetired && !RetirementRule.InServiceOn(site.RetiredAt, periodEnd))
            {
                continue;
            }

            var got = collected.GetValueOrDefault(site.SiteCode);
            var covered = site.Required != 0 && (site.Required & got) == site.Required ? site.CoveredIfSorted : site.CoveredIfNot;
            city.Add(site.SiteType, site.Weight, covered);
            byDistrict[site.District].Add(site.SiteType, site.Weight, covered);
        }

        // As CoverageCalculator.UrbanAndDistricts: the urban figure, then the districts that have sites, by code.
        var overall = districtCode is null ? CoverageCalculator.Figure(profile, CoverageScopeKind.Urban, null, null, null, city) : null;
        var figures = districts.Select((code, i) => (Code: code, Tally: byDistrict[i]))
            .Where(d => d.Tally.AllSites > 0 && (districtCode is null || d.Code == districtCode))
            .Select(d => CoverageCalculator.Figure(profile, CoverageScopeKind.District, d.Code, profile.District(d.Code)?.Name, null, d.Tally))
            .ToArray();
        return KpiCalculator.CoverageFigures(overall, figures, districtCode);
    }

    /// <summary>Same-day clearance of other waste over a period (W96-K3), from the sites due and in service on its last day.</summary>
    /// <param name="clearedDays">Site code → the period's days on which its first <c>Other</c> pickup came no later than the clearance time.</param>
    /// <param name="days">The period's length in days.</param>
    /// <param name="periodEnd">The period's last day.</param>
    /// <param name="districtCode">Only this district, or null for the city and every district.</param>
    public IReadOnlyList<KpiFigure> SameDayClearance(IReadOnlyDictionary<string, long> clearedDays, int days, DateOnly periodEnd, string? districtCode)
    {
        var sites = due.Where(s => !anyRetired || RetirementRule.InServiceOn(s.RetiredAt, periodEnd)).Select(s => s.Site).ToArray();
        return KpiCalculator.SameDayClearanceOfDue(profile, sites, clearedDays, days, districtCode);
    }

    /// <summary>A site in scope: its type, district (index), weight, whether it is covered when collected sorted and when not, and the mask of the categories it must have collected.</summary>
    private sealed record CoverageSite(string SiteCode, SiteType SiteType, int District, long Weight, bool CoveredIfSorted, bool CoveredIfNot, int Required, DateTimeOffset? RetiredAt);

    /// <summary>A site due for clearance every day.</summary>
    private sealed record DueSite(SiteFacts Site, DateTimeOffset? RetiredAt);
}
