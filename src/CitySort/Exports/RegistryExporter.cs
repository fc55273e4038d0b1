using CitySort.Compliance;
using CitySort.Imports;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Security;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Exports;

/// <summary>
/// Reads every registry table, and the coverage and gap lists, as <see cref="ExportTable"/>s (docs/formats.md,
/// "Exports"). The sites, facilities, haulers, vehicles and lines tables have the columns of their import formats, so
/// an exported file imports again unchanged; every table adds <c>is_illustrative</c>, so that demo records are told
/// apart. Coverage is given twice while illustrative sites exist: over the real sites alone (<c>records</c> =
/// <c>real</c>) and over all sites (<c>all</c>).
/// </summary>
/// <param name="contextFactory">Creates contexts for the configured database.</param>
/// <param name="profile">The active profile (bin rules, coverage weighting and targets).</param>
public sealed class RegistryExporter(IDbContextFactory<CitySortDbContext> contextFactory, PolicyProfile profile)
{
    /// <summary>The names of the tables that can be exported, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        ["districts", "streets", "communities", "sites", "facilities", "haulers", "vehicles", "lines", "coverage", "gaps"];

    /// <summary>Reads one table.</summary>
    /// <param name="table">One of <see cref="Tables"/> (case-insensitive).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The table, or null when <paramref name="table"/> is not one of <see cref="Tables"/>.</returns>
    public Task<ExportTable?> ReadAsync(string table, CancellationToken cancellationToken) => ReadAsync(AccessScope.City, table, cancellationToken);

    /// <summary>
    /// Reads one table within <paramref name="scope"/>: for a district officer the sites, vehicles, lines, coverage and
    /// gaps of the officer's districts alone, and the haulers of those vehicles; the divisions (districts, streets,
    /// communities) and the facilities are the city's and are read whole.
    /// </summary>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="table">One of <see cref="Tables"/> (case-insensitive).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The table, or null when <paramref name="table"/> is not one of <see cref="Tables"/>.</returns>
    public async Task<ExportTable?> ReadAsync(AccessScope scope, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(table);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return table.Trim().ToLowerInvariant() switch
        {
            "districts" => await DistrictsAsync(db, cancellationToken),
            "streets" => await StreetsAsync(db, cancellationToken),
            "communities" => await CommunitiesAsync(db, cancellationToken),
            "sites" => await SitesAsync(db, scope, cancellationToken),
            "facilities" => await FacilitiesAsync(db, cancellationToken),
            "haulers" => await HaulersAsync(db, scope, cancellationToken),
            "vehicles" => await VehiclesAsync(db, scope, cancellationToken),
            "lines" => await LinesAsync(db, scope, cancellationToken),
            "coverage" => await CoverageAsync(db, scope, cancellationToken),
            "gaps" => await GapsAsync(db, scope, cancellationToken),
            _ => null,
        };
    }

    private static async Task<ExportTable> DistrictsAsync(CitySortDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        return new("districts",
            ["code", "name", "name_en", "min_longitude", "min_latitude", "max_longitude", "max_latitude", "boundary_source", "boundary_is_illustrative", "source", "is_illustrative"],
            rows.Select(d => Row(d.Code, d.NameZh, d.NameEn, d.MinLongitude, d.MinLatitude, d.MaxLongitude, d.MaxLatitude, d.BoundarySource, d.BoundaryIsIllustrative, d.Source, d.IsIllustrative)).ToList());
    }

    private static async Task<ExportTable> StreetsAsync(CitySortDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Streets.AsNoTracking().Include(s => s.District).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        return new("streets",
            ["code", "name", "district_code", "district_name", "source", "is_illustrative"],
            rows.Select(s => Row(s.Code, s.Name, s.DistrictCode, s.District?.NameZh, s.Source, s.IsIllustrative)).ToList());
    }

    private static async Task<ExportTable> CommunitiesAsync(CitySortDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Communities.AsNoTracking().Include(c => c.Street).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        return new("communities",
            ["code", "name", "street_code", "street_name", "district_code", "households", "source", "is_illustrative"],
            rows.Select(c => Row(c.Code, c.Name, c.StreetCode, c.Street?.Name, c.Street?.DistrictCode, c.Households, c.Source, c.IsIllustrative)).ToList());
    }

    private static async Task<ExportTable> SitesAsync(CitySortDbContext db, AccessScope scope, CancellationToken cancellationToken)
    {
        var rows = await db.Sites.AsNoTracking().InScope(scope).Include(s => s.Bins).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        return new("sites",
            ["code", "name", "type", "district_code", "street_code", "community_code", "address", "longitude", "latitude", "datum", "households", "staff", "floors",
             "property_management", "canteen", "wet_dry_pilot", "bagged_zone", "kitchen_waste_heavy", "collected_sorted", "bins", "source", "is_illustrative", "retired_at"],
            rows.Select(s => Row(
                s.Code, s.Name, SiteFieldParsers.Kebab(s.Type.ToString()), s.DistrictCode, s.StreetCode, s.CommunityCode, s.Address, s.Longitude, s.Latitude, "WGS84",
                s.Households, s.Staff, s.Floors, s.HasPropertyManagement, s.HasCanteen, s.IsWetDryPilot, s.IsBaggedZone, s.IsKitchenWasteHeavy,
                s.CollectedSorted, BinsField(s.Bins), s.Source, s.IsIllustrative, Retired(s.RetiredAt))).ToList());
    }

    private static async Task<ExportTable> FacilitiesAsync(CitySortDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Facilities.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        return new("facilities",
            ["code", "name", "kind", "accepts", "longitude", "latitude", "datum", "gate_fee_yuan_per_tonne", "daily_capacity_tonnes", "clause", "source", "is_illustrative", "retired_at"],
            rows.Select(f => Row(
                f.Code, f.Name, SiteFieldParsers.Kebab(f.Kind.ToString()),
                string.Join(';', f.AcceptedCategories.Select(KindName).Concat(f.AcceptedStreams.Select(StreamName))),
                f.Longitude, f.Latitude, "WGS84", f.GateFeeYuanPerTonne, f.DailyCapacityTonnes, f.Clause, f.Source, f.IsIllustrative, Retired(f.RetiredAt))).ToList());
    }

    private static async Task<ExportTable> HaulersAsync(CitySortDbContext db, AccessScope scope, CancellationToken cancellationToken)
    {
        var haulers = db.Haulers.AsNoTracking();
        if (!scope.IsCityWide)
        {
            var mine = db.Vehicles.InScope(scope).Select(v => v.HaulerCode);
            haulers = haulers.Where(h => mine.Contains(h.Code));
        }

        var rows = await haulers.OrderBy(h => h.Code).ToListAsync(cancellationToken);
        return new("haulers",
            ["code", "name", "licence", "franchise", "source", "is_illustrative"],
            rows.Select(h => Row(h.Code, h.Name, h.Licence, h.Franchise, h.Source, h.IsIllustrative)).ToList());
    }

    private static async Task<ExportTable> VehiclesAsync(CitySortDbContext db, AccessScope scope, CancellationToken cancellationToken)
    {
        var rows = await db.Vehicles.AsNoTracking().InScope(scope).OrderBy(v => v.Plate).ToListAsync(cancellationToken);
        return new("vehicles",
            ["plate", "district_code", "area_code", "hauler_code", "dedicated", "capacity_kg", "capacity_m3", "sealed", "source", "is_illustrative", "retired_at"],
            rows.Select(v => Row(
                v.Plate, v.DistrictCode, v.AreaCode, v.HaulerCode,
                v.DedicatedCategory is { } c ? KindName(c) : v.DedicatedStream is { } s ? StreamName(s) : null,
                v.CapacityKg, v.CapacityCubicMetres, v.Sealed, v.Source, v.IsIllustrative, Retired(v.RetiredAt))).ToList());
    }

    private static async Task<ExportTable> LinesAsync(CitySortDbContext db, AccessScope scope, CancellationToken cancellationToken)
    {
        var rows = await db.DedicatedLines.AsNoTracking().InScope(scope).Include(l => l.Stops).OrderBy(l => l.Code).ToListAsync(cancellationToken);
        return new("lines",
            ["code", "name", "district_code", "area_code", "carries", "facility_code", "vehicle_plate", "stops", "source", "is_illustrative", "retired_at"],
            rows.Select(l => Row(
                l.Code, l.Name, l.DistrictCode, l.AreaCode, l.Category is { } c ? KindName(c) : StreamName(l.Stream!.Value), l.FacilityCode, l.VehiclePlate,
                string.Join(';', l.Stops.OrderBy(s => s.Sequence).Select(s => s.SiteCode)), l.Source, l.IsIllustrative, Retired(l.RetiredAt))).ToList());
    }

    private async Task<ExportTable> CoverageAsync(CitySortDbContext db, AccessScope scope, CancellationToken cancellationToken)
    {
        var sites = await FactsAsync(db, scope, cancellationToken);
        var rows = new List<IReadOnlyList<object?>>();
        void Add(string records, IEnumerable<(SiteFacts Facts, bool Illustrative)> over)
        {
            var report = CoverageCalculator.Compute(profile, over.Select(s => SiteCoverageInput.From(profile, s.Facts)));
            foreach (var f in new[] { report.Overall }.Concat(report.BySiteType).Concat(report.ByDistrict).Concat(report.ByArea).Concat(report.ByDistrictAndSiteType).Concat(report.ByAreaAndSiteType))
            {
                rows.Add(Row(records, f.ScopeKind.ToString(), f.ScopeCode, f.ScopeName?.Zh, f.SiteType is { } t ? SiteFieldParsers.Kebab(t.ToString()) : null, f.Weighting.ToString(),
                    f.Numerator, f.Denominator, f.SiteCount, f.CoveredSiteCount, f.Share, f.TargetId, f.TargetClause, f.TargetShare, f.Met));
            }
        }

        if (sites.Any(s => s.Illustrative))
        {
            Add("real", sites.Where(s => !s.Illustrative));
        }

        Add("all", sites);
        return new("coverage",
            ["records", "scope", "scope_code", "scope_name", "site_type", "weighting", "numerator", "denominator", "sites", "covered_sites", "share", "target", "target_clause", "target_share", "met"],
            rows);
    }

    private async Task<ExportTable> GapsAsync(CitySortDbContext db, AccessScope scope, CancellationToken cancellationToken)
    {
        var sites = await FactsAsync(db, scope, cancellationToken);
        var names = await db.Sites.AsNoTracking().InScope(scope).ToDictionaryAsync(s => s.Code, s => s.Name, StringComparer.Ordinal, cancellationToken);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (facts, illustrative) in sites)
        {
            foreach (var gap in BinRuleEvaluator.Evaluate(profile, facts).Gaps)
            {
                rows.Add(Row(facts.SiteCode, names[facts.SiteCode], SiteFieldParsers.Kebab(facts.SiteType.ToString()), facts.DistrictCode, gap.Clause, gap.Kind.ToString(),
                    gap.Category is { } c ? KindName(c) : gap.Stream is { } s ? StreamName(s) : null, SiteFieldParsers.Kebab(gap.Placement.ToString()),
                    gap.RequiredCount, gap.PresentCount, gap.MessageZh, gap.MessageEn, illustrative));
            }
        }

        return new("gaps",
            ["site_code", "site_name", "site_type", "district_code", "clause", "kind", "bin", "placement", "required", "present", "message_zh", "message_en", "is_illustrative"],
            rows);
    }

    /// <summary>The sites in service (a retired site is in the sites table with its retirement, not in coverage or gaps).</summary>
    private static async Task<List<(SiteFacts Facts, bool Illustrative)>> FactsAsync(CitySortDbContext db, AccessScope scope, CancellationToken cancellationToken)
    {
        var sites = await db.Sites.AsNoTracking().InScope(scope).Include(s => s.Bins).Where(s => s.RetiredAt == null).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var streets = await db.Streets.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, StringComparer.Ordinal, cancellationToken);
        return sites.Select(s => (SiteFactsMapper.ToFacts(s, s.StreetCode is null ? null : streets.GetValueOrDefault(s.StreetCode)), s.IsIllustrative)).ToList();
    }

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    /// <summary>The retirement instant as ISO 8601 UTC (<c>2026-12-02T08:30:00Z</c>), or empty while in service.</summary>
    private static string? Retired(DateTimeOffset? retiredAt) =>
        retiredAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The bins field of the sites CSV (docs/formats.md): <c>kind/placement/count/volume_litres[/bagged]</c> separated by ';'.</summary>
    private static string BinsField(IEnumerable<Bin> bins) => string.Join(';', bins.OrderBy(b => b.Id).Select(b =>
        $"{(b.Category is { } c ? KindName(c) : StreamName(b.Stream!.Value))}/{SiteFieldParsers.Kebab(b.Placement.ToString())}/{b.Count}/{b.VolumeLitres}{(b.Bagged ? "/bagged" : string.Empty)}"));

    private static string KindName(WasteCategory category) => category.ToString().ToLowerInvariant();

    private static string StreamName(SpecialStream stream) => stream == SpecialStream.ConstructionAndRenovation ? "construction" : stream.ToString().ToLowerInvariant();
}
