using System.Globalization;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Compliance;

/// <summary>
/// Compares a site's bins with its type's rule in the profile (W96-B1..B4) and lists each gap with its clause. A pure
/// function: no I/O, no clock.
/// </summary>
/// <remarks>
/// For each bin rule of the site type whose condition holds: the bins that count are the rows of the rule's
/// category (or stream) at any of its placements. A per-floor rule needs max(floors, 1) × <c>binsPerFloor</c> bins
/// (an <see cref="BinPlacement.EveryFloor"/> row's count is the number over all floors); other rules need
/// <c>minCount</c>. A rule with <c>allBagged</c> needs every such bin bagged, and at least <c>minCount</c> of them.
/// Conditions: high-rise is floors ≥ <c>highRiseMinFloors</c>; the others read the site's flags.
/// </remarks>
public static class BinRuleEvaluator
{
    /// <summary>Checks one site.</summary>
    /// <param name="profile">The loaded profile.</param>
    /// <param name="site">The site's facts.</param>
    /// <returns>The site's compliance: compliant when there are no gaps.</returns>
    /// <exception cref="ArgumentException">When the facts are impossible (negative floors or bin counts, a bin row with
    /// both or neither of category and stream); the registry rejects these on input, so here they are a defect.</exception>
    public static SiteCompliance Evaluate(PolicyProfile profile, SiteFacts site)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(site);
        Check(site);
        var rule = profile.RuleFor(site.SiteType);
        var gaps = new List<BinGap>();
        foreach (var bin in rule.Bins)
        {
            if (!Applies(profile, bin.When, site))
            {
                continue;
            }

            var matching = site.Bins
                .Where(b => b.Category == bin.Category && b.Stream == bin.Stream && bin.Placements.Contains(b.Placement))
                .ToArray();
            var present = matching.Sum(b => b.Count);
            if (bin.AllBagged)
            {
                var bagged = matching.Where(b => b.Bagged).Sum(b => b.Count);
                var required = Math.Max(bin.MinCount, present);
                if (bagged < required)
                {
                    gaps.Add(Gap(profile, bin, BinGapKind.NotBagged, required, bagged));
                }

                continue;
            }

            var need = bin.PerFloor ? Math.Max(site.Floors, 1) * profile.Settings.BinsPerFloor.Value : bin.MinCount;
            if (present < need)
            {
                gaps.Add(Gap(profile, bin, BinGapKind.TooFewBins, need, present));
            }
        }

        return new SiteCompliance(site.SiteCode, gaps.Count == 0, gaps);
    }

    /// <summary>Checks many sites, in order.</summary>
    /// <param name="profile">The loaded profile.</param>
    /// <param name="sites">The sites.</param>
    /// <returns>One result per site.</returns>
    /// <exception cref="ArgumentException">As <see cref="Evaluate(PolicyProfile, SiteFacts)"/>.</exception>
    public static IReadOnlyList<SiteCompliance> EvaluateAll(PolicyProfile profile, IEnumerable<SiteFacts> sites) =>
        sites.Select(s => Evaluate(profile, s)).ToArray();

    private static void Check(SiteFacts site)
    {
        if (site.Floors < 0)
        {
            throw new ArgumentException($"Site {site.SiteCode} has a negative number of floors ({site.Floors}).", nameof(site));
        }

        foreach (var b in site.Bins)
        {
            if (b.Count < 0)
            {
                throw new ArgumentException($"Site {site.SiteCode} has a bin row with a negative count ({b.Count}).", nameof(site));
            }

            if ((b.Category is null) == (b.Stream is null))
            {
                throw new ArgumentException($"Site {site.SiteCode} has a bin row with both or neither of category and stream.", nameof(site));
            }
        }
    }

    private static bool Applies(PolicyProfile profile, BinCondition when, SiteFacts site) => when switch
    {
        BinCondition.Always => true,
        BinCondition.HighRise => site.Floors >= profile.Settings.HighRiseMinFloors.Value,
        BinCondition.HasCanteen => site.HasCanteen,
        BinCondition.WetDryPilot => site.IsWetDryPilot,
        BinCondition.BaggedZone => site.IsBaggedZone,
        BinCondition.KitchenWasteHeavy => site.IsKitchenWasteHeavy,
        BinCondition.HasPropertyManagement => site.HasPropertyManagement,
        _ => throw new ArgumentOutOfRangeException(nameof(when), when, "Unknown bin condition."),
    };

    private static BinGap Gap(PolicyProfile profile, BinRule rule, BinGapKind kind, int required, int present)
    {
        var (nameZh, nameEn) = rule.Category is { } c
            ? (profile.Category(c).Name.Zh, profile.Category(c).Name.En)
            : (profile.Stream(rule.Stream!.Value).Name.Zh, profile.Stream(rule.Stream!.Value).Name.En);
        var whereZh = string.Join("或", rule.Placements.Select(PlaceZh).Where(w => w.Length > 0));
        var whereEn = string.Join(" or ", rule.Placements.Select(PlaceEn));
        var r = required.ToString(CultureInfo.InvariantCulture);
        var p = present.ToString(CultureInfo.InvariantCulture);
        string zh, en;
        if (kind == BinGapKind.NotBagged)
        {
            zh = $"{whereZh}{nameZh}桶须袋装化管理：需套袋 {r} 个，现有 {p} 个 ({rule.Clause})";
            en = $"{nameEn} bins {whereEn} must be bagged: {r} bagged needed, {p} present ({rule.Clause})";
        }
        else
        {
            zh = $"{whereZh}须设{nameZh}桶：需 {r} 个，现有 {p} 个 ({rule.Clause})";
            en = $"{nameEn} bins required {whereEn}: {r} needed, {p} present ({rule.Clause})";
        }

        return new BinGap(rule.Clause, rule.Category, rule.Stream, rule.Placements[0], rule.Placements, kind, required, present, zh, en);
    }

    private static string PlaceZh(BinPlacement placement) => placement switch
    {
        BinPlacement.Site => string.Empty,
        BinPlacement.EveryFloor => "每层",
        BinPlacement.PublicArea => "公共区域",
        BinPlacement.BuildingEntrance => "教学楼入口",
        BinPlacement.Canteen => "食堂",
        BinPlacement.CollectionPoint => "指定收集点",
        _ => placement.ToString(),
    };

    private static string PlaceEn(BinPlacement placement) => placement switch
    {
        BinPlacement.Site => "at the site",
        BinPlacement.EveryFloor => "on every floor",
        BinPlacement.PublicArea => "in a public area",
        BinPlacement.BuildingEntrance => "at the teaching building's entrance",
        BinPlacement.Canteen => "in the canteen",
        BinPlacement.CollectionPoint => "at the designated collection point",
        _ => placement.ToString(),
    };
}
