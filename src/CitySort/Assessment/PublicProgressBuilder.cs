using CitySort.Compliance;
using CitySort.Policy;

namespace CitySort.Assessment;

/// <summary>
/// Builds the public progress page (W96-A1) from a read of the registry: coverage as <see cref="CoverageCalculator"/>
/// computes it, reduced to counts and shares, with the W96-T targets of the profile. A pure function: no I/O, no clock.
/// </summary>
/// <remarks>
/// A district's targets are every coverage and rate target (W96-T1, W96-T4) and its own part of each counted target
/// (W96-T2 vehicles, W96-T3 lines; Lucheng 6 vehicles and 3 lines in the Wenzhou 2015 profile); a counted target with
/// no part for the district is left out of its list. Tonnage reductions (W96-T5, W96-T7) and qualitative targets
/// (W96-T6) are the city's and appear on the city list only.
/// </remarks>
public static class PublicProgressBuilder
{
    /// <summary>Builds the page.</summary>
    /// <param name="profile">The profile in force.</param>
    /// <param name="snapshot">Every registered site with its bin-rule result, read at one moment.</param>
    /// <returns>The page's figures.</returns>
    public static PublicProgress Build(PolicyProfile profile, SiteSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(snapshot);
        var sites = snapshot.Sites;
        var report = CoverageCalculator.Compute(profile, sites.Select(s => new SiteCoverageInput(s.Facts, s.Compliance.IsCompliant)));
        var inScope = sites
            .Where(s => profile.IsInScope(s.Facts.DistrictCode, s.Facts.StreetCode, s.Facts.StreetName))
            .ToArray();

        var districts = report.ByDistrict
            .Select(f => District(profile, f, report.ByDistrictAndSiteType, inScope.Where(s => string.Equals(s.Facts.DistrictCode, f.ScopeCode, StringComparison.Ordinal))))
            .Concat(report.ByArea.Select(f => District(profile, f, report.ByAreaAndSiteType, inScope.Where(s => InArea(profile, f.ScopeCode, s)))))
            .ToArray();

        return new PublicProgress(
            profile.Id,
            profile.Version,
            snapshot.ReadAt,
            inScope.Any(s => s.Site.IsIllustrative),
            Coverage(report.Overall),
            districts,
            profile.Targets.Select(t => Target(t, t.Total)).ToArray());
    }

    private static bool InArea(PolicyProfile profile, string? areaId, IndexedSite site)
    {
        var area = profile.UrbanAreas.FirstOrDefault(a => string.Equals(a.Id, areaId, StringComparison.Ordinal));
        return area is not null
            && (area.ContainsStreet(site.Facts.StreetCode, site.Facts.StreetName) || area.CountyCodes.Contains(site.Facts.DistrictCode, StringComparer.Ordinal));
    }

    private static PublicDistrictProgress District(
        PolicyProfile profile, CoverageFigure figure, IReadOnlyList<CoverageFigure> byType, IEnumerable<IndexedSite> sites)
    {
        var code = figure.ScopeCode ?? string.Empty;
        var targets = new List<PublicTarget>();
        foreach (var target in profile.Targets)
        {
            switch (target.Kind)
            {
                case TargetKind.Coverage or TargetKind.SortedTransportRate or TargetKind.HarmlessTreatmentRate:
                    targets.Add(Target(target, null));
                    break;
                case TargetKind.DedicatedVehicles or TargetKind.DedicatedLines:
                    var split = target.Splits.FirstOrDefault(s => figure.ScopeKind == CoverageScopeKind.Area
                        ? string.Equals(s.AreaId, code, StringComparison.Ordinal)
                        : string.Equals(s.DistrictCode, code, StringComparison.Ordinal));
                    if (split is not null)
                    {
                        targets.Add(Target(target, split.Count));
                    }

                    break;
            }
        }

        return new PublicDistrictProgress(
            figure.ScopeKind,
            code,
            figure.ScopeName,
            sites.Any(s => s.Site.IsIllustrative),
            Coverage(figure),
            byType.Where(f => f.ScopeKind == figure.ScopeKind && string.Equals(f.ScopeCode, figure.ScopeCode, StringComparison.Ordinal)).Select(Coverage).ToArray(),
            targets);
    }

    private static PublicCoverage Coverage(CoverageFigure f) =>
        new(f.SiteType, f.Share, f.CoveredSiteCount, f.SiteCount, f.TargetId, f.TargetClause, f.TargetShare, f.TargetDue, f.Met);

    private static PublicTarget Target(Target t, int? count) =>
        new(t.Id, t.Clause, t.Kind, t.Due, t.MinShare, t.EssentiallyAll, count, t.ReductionShare, t.AllowedTonnes, t.Description);
}
