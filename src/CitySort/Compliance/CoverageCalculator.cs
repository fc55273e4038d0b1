using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Compliance;

/// <summary>
/// Computes sorted-collection coverage (分类收集覆盖面) against W96-T1. A pure function: no I/O, no clock.
/// </summary>
/// <remarks>
/// A site is covered as the setting <c>covered</c> says (Wenzhou 2015: required bins in place and collected sorted).
/// A site type's share weighs each site by its type's weighting (households, staff or 1); an all-types share uses
/// the overall weighting: <c>siteCount</c> (covered sites ÷ sites) or <c>siteTypeMean</c> (plain mean of the shares
/// of the site types that have sites). Only sites in the profile's urban scope count. Each figure is compared with
/// the W96-T1 coverage target about its site type (the one without site types for all-types figures); when several
/// apply, the earliest due.
/// </remarks>
public static class CoverageCalculator
{
    /// <summary>Computes coverage from sites whose bins were already checked.</summary>
    /// <param name="profile">The loaded profile.</param>
    /// <param name="sites">The sites.</param>
    /// <returns>The report.</returns>
    public static CoverageReport Compute(PolicyProfile profile, IEnumerable<SiteCoverageInput> sites)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sites);
        var all = sites.ToArray();
        var inScope = InScope(profile, all);
        var outOfScope = all.Except(inScope).Select(s => s.Site.SiteCode).ToArray();
        var types = Enum.GetValues<SiteType>();

        var (overall, byDistrict) = UrbanAndDistricts(profile, inScope);
        var bySiteType = types.Select(t => Figure(profile, CoverageScopeKind.Urban, null, null, t, inScope)).ToArray();

        var districts = inScope.GroupBy(s => s.Site.DistrictCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        var byDistrictAndType = districts
            .SelectMany(g => types.Select(t => Figure(profile, CoverageScopeKind.District, g.Key, profile.District(g.Key)?.Name, t, g.ToArray())))
            .ToArray();

        var areas = profile.UrbanAreas
            .Select(a => (Area: a, Sites: inScope.Where(s => a.ContainsStreet(s.Site.StreetCode, s.Site.StreetName) || a.CountyCodes.Contains(s.Site.DistrictCode, StringComparer.Ordinal)).ToArray()))
            .ToArray();
        var byArea = areas.Select(x => Figure(profile, CoverageScopeKind.Area, x.Area.Id, x.Area.ShortName ?? x.Area.Name, null, x.Sites)).ToArray();
        var byAreaAndType = areas
            .SelectMany(x => types.Select(t => Figure(profile, CoverageScopeKind.Area, x.Area.Id, x.Area.ShortName ?? x.Area.Name, t, x.Sites)))
            .ToArray();

        return new CoverageReport(
            profile.Id,
            profile.Version,
            profile.Settings.Covered.Value,
            overall,
            bySiteType,
            byDistrict,
            byDistrictAndType,
            byArea,
            byAreaAndType,
            Pilots(profile, inScope),
            outOfScope);
    }

    /// <summary>The sites in the profile's urban scope (<see cref="PolicyProfile.IsInScope"/>), in their order.</summary>
    /// <param name="profile">The loaded profile.</param>
    /// <param name="sites">The sites.</param>
    /// <returns>Those of <paramref name="sites"/> that coverage counts.</returns>
    public static SiteCoverageInput[] InScope(PolicyProfile profile, IEnumerable<SiteCoverageInput> sites)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sites);
        return sites.Where(s => profile.IsInScope(s.Site.DistrictCode, s.Site.StreetCode, s.Site.StreetName)).ToArray();
    }

    /// <summary>
    /// The urban figure and the district figures of <see cref="Compute(PolicyProfile, IEnumerable{SiteCoverageInput})"/>
    /// alone (the same arithmetic), for callers that need no breakdown by site type, area or pilots, such as the KPIs
    /// period by period.
    /// </summary>
    /// <param name="profile">The loaded profile.</param>
    /// <param name="sitesInScope">The sites in the profile's urban scope, as <see cref="InScope"/> gives them.</param>
    /// <returns>The all-types urban figure and one all-types figure per district, by district code.</returns>
    public static (CoverageFigure Overall, IReadOnlyList<CoverageFigure> ByDistrict) UrbanAndDistricts(PolicyProfile profile, IReadOnlyList<SiteCoverageInput> sitesInScope)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sitesInScope);
        var overall = Figure(profile, CoverageScopeKind.Urban, null, null, null, sitesInScope);
        var byDistrict = sitesInScope.GroupBy(s => s.Site.DistrictCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Figure(profile, CoverageScopeKind.District, g.Key, profile.District(g.Key)?.Name, null, g.ToArray()))
            .ToArray();
        return (overall, byDistrict);
    }

    /// <summary>Checks every site's bins (<see cref="BinRuleEvaluator"/>), then computes coverage.</summary>
    /// <param name="profile">The loaded profile.</param>
    /// <param name="sites">The sites' facts.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">As <see cref="BinRuleEvaluator.Evaluate"/>.</exception>
    public static CoverageReport Compute(PolicyProfile profile, IEnumerable<SiteFacts> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        return Compute(profile, sites.Select(s => SiteCoverageInput.From(profile, s)).ToArray());
    }

    private static CoverageFigure Figure(
        PolicyProfile profile, CoverageScopeKind kind, string? code, LocalizedText? name, SiteType? siteType, IReadOnlyList<SiteCoverageInput> sites)
    {
        var tally = new CoverageTally();
        var covered = profile.Settings.Covered.Value;
        var weights = profile.Settings.CoverageWeighting.Value;
        foreach (var s in sites)
        {
            tally.Add(s.Site.SiteType, WeightOf(weights, s.Site), covered.IsCovered(s.BinsInPlace, s.Site.CollectedSorted));
        }

        return Figure(profile, kind, code, name, siteType, tally);
    }

    /// <summary>The weight of a site in its type's share (setting <c>coverageWeighting</c>): households, staff or 1.</summary>
    internal static long WeightOf(CoverageWeightingRule weights, SiteFacts site) => weights.For(site.SiteType) switch
    {
        CoverageWeighting.Households => Math.Max(site.Households, 0),
        CoverageWeighting.Staff => Math.Max(site.Staff, 0),
        _ => 1,
    };

    /// <summary>One coverage figure from a scope's tallies (the only place its arithmetic is written).</summary>
    internal static CoverageFigure Figure(
        PolicyProfile profile, CoverageScopeKind kind, string? code, LocalizedText? name, SiteType? siteType, CoverageTally tally)
    {
        var weights = profile.Settings.CoverageWeighting.Value;
        decimal numerator, denominator;
        int count, coveredCount;
        CoverageWeighting weighting;
        if (siteType is { } type)
        {
            weighting = weights.For(type);
            numerator = tally.CoveredWeight(type);
            denominator = tally.Weight(type);
            (count, coveredCount) = (tally.Sites(type), tally.CoveredSites(type));
        }
        else if (weights.Overall == CoverageWeighting.SiteTypeMean)
        {
            weighting = CoverageWeighting.SiteTypeMean;
            var shares = Enum.GetValues<SiteType>()
                .Select(st => Figure(profile, kind, code, name, st, tally).Share)
                .OfType<decimal>()
                .ToArray();
            numerator = shares.Sum();
            denominator = shares.Length;
            (count, coveredCount) = (tally.AllSites, tally.AllCoveredSites);
        }
        else
        {
            weighting = CoverageWeighting.SiteCount;
            numerator = tally.AllCoveredSites;
            denominator = tally.AllSites;
            (count, coveredCount) = (tally.AllSites, tally.AllCoveredSites);
        }

        decimal? share = denominator > 0 ? numerator / denominator : null;
        var target = profile.Targets
            .Where(x => x.Kind == TargetKind.Coverage && (siteType is { } st2 ? x.SiteTypes.Contains(st2) : x.SiteTypes.Count == 0))
            .OrderBy(x => x.Due)
            .FirstOrDefault();
        bool? met = share is { } sh && target?.MinShare is { } min ? sh >= min : null;
        return new CoverageFigure(
            kind, code, name, siteType, weighting, numerator, denominator, count, coveredCount, share,
            target?.Id, target?.Clause, target?.MinShare, target?.Due, met);
    }

    private static WetDryPilotCheck[] Pilots(PolicyProfile profile, IReadOnlyList<SiteCoverageInput> sites)
    {
        if (profile.RuleFor(SiteType.ResidentialCompound).WetDryPilot is not { } rule)
        {
            return [];
        }

        return profile.UrbanDistrictCodes.Select(d =>
        {
            var pilots = sites
                .Where(s => s.Site.SiteType == SiteType.ResidentialCompound && s.Site.IsWetDryPilot
                    && string.Equals(s.Site.DistrictCode, d, StringComparison.Ordinal))
                .ToArray();
            var unmanaged = rule.RequiresPropertyManagement
                ? pilots.Where(s => !s.Site.HasPropertyManagement).Select(s => s.Site.SiteCode).ToArray()
                : [];
            var met = pilots.Length >= rule.MinPerDistrict && pilots.Length <= rule.MaxPerDistrict && unmanaged.Length == 0;
            return new WetDryPilotCheck(d, rule.Clause, pilots.Select(s => s.Site.SiteCode).ToArray(), rule.MinPerDistrict, rule.MaxPerDistrict, unmanaged, met);
        }).ToArray();
    }
}
