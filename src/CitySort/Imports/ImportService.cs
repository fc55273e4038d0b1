using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Imports;

/// <summary>
/// Imports what a city really has into the registry (issue item 4; formats in docs/formats.md): divisions and
/// communities CSV (NBS statistical codes, as in <c>wenzhou_streets.csv</c> and <c>wenzhou_communities.csv</c>), sites
/// CSV and district boundaries GeoJSON. Every import is all-or-nothing (the whole file is checked first, every bad row
/// is listed, and nothing is written unless all rows are good; the writes run in one transaction) and idempotent
/// (records are matched by natural key; importing the same file again reports <c>Inserted = Updated = 0</c>). Each
/// file's hierarchy is kept as it is: no street is moved between districts. Sites are checked against the active
/// profile (every bin's category and stream must be one the profile defines) and against the registry's geography
/// (<see cref="RegistryGeography"/>); a district boundary that does not overlap the district's previous one needs an
/// explicit override. Every problem is given in Chinese and English (<see cref="ImportProblem"/>).
/// </summary>
/// <param name="contextFactory">Creates contexts for the configured database.</param>
/// <param name="profile">The active policy profile; null for the shipped default.</param>
public sealed class ImportService(IDbContextFactory<CitySortDbContext> contextFactory, PolicyProfile? profile = null)
{
    private readonly PolicyProfile profile = profile ?? ProfileLoader.LoadDefault();

    /// <summary>The source of records the demo city made up; a real file naming them takes them over (counted as updated).</summary>
    private const string DemoSource = "demo";

    private static readonly string[] DivisionColumns = ["code", "name", "district_code", "district_name"];
    private static readonly string[] CommunityColumns = ["code", "name", "street_code", "street_name", "district_code", "district_name"];
    private static readonly string[] SiteColumns = ["code", "name", "type", "district_code", "longitude", "latitude", "datum", "floors", "bins"];

    /// <summary>
    /// Imports a township-level divisions CSV (columns <c>code,name,district_code,district_name</c>; others ignored):
    /// upserts each district and street.
    /// </summary>
    /// <param name="stream">The file content (UTF-8, BOM optional).</param>
    /// <param name="fileName">The name used in the report and problems.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written then.</param>
    /// <returns>The report; <see cref="ImportReport.Succeeded"/> is false with every problem listed when the file is invalid.</returns>
    public async Task<ImportReport> ImportDivisionsAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var table = await CsvTable.ReadAsync(stream, fileName, DivisionColumns, problems, cancellationToken);
        if (table is null)
        {
            return Failed(fileName, ImportKind.Divisions, 0, problems);
        }

        var districts = new DivisionSet<District>();
        var streets = new DivisionSet<Street>();
        foreach (var row in table.Rows)
        {
            var district = new District { Code = table.Get(row, "district_code"), NameZh = table.Get(row, "district_name"), Source = fileName };
            var street = new Street { Code = table.Get(row, "code"), Name = table.Get(row, "name"), DistrictCode = district.Code, Source = fileName };
            var before = problems.Count;
            Report(problems, table, row, RegistryValidator.Validate(district), ("code", "district_code"), ("name", "district_name"));
            Report(problems, table, row, RegistryValidator.Validate(street));
            if (problems.Count > before)
            {
                continue;
            }

            districts.Add(table, row, district.Code, district, d => d.NameZh, "district_name", problems);
            streets.AddUnique(table, row, street.Code, street, "code", problems);
        }

        if (problems.Count > 0)
        {
            return Failed(fileName, ImportKind.Divisions, table.Rows.Count, problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new Counts();
        await UpsertDistrictsAsync(db, districts.Values, counts, cancellationToken);
        await UpsertStreetsAsync(db, streets.Values, counts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts.Report(fileName, ImportKind.Divisions, table.Rows.Count);
    }

    /// <summary>
    /// Imports a village-level divisions CSV (columns <c>code,name,street_code,street_name,district_code,district_name</c>,
    /// optional <c>households</c>; others ignored): upserts each district, street and community as the file gives them.
    /// </summary>
    /// <param name="stream">The file content (UTF-8, BOM optional).</param>
    /// <param name="fileName">The name used in the report and problems.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written then.</param>
    /// <returns>The report; <see cref="ImportReport.Succeeded"/> is false with every problem listed when the file is invalid.</returns>
    public async Task<ImportReport> ImportCommunitiesAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var table = await CsvTable.ReadAsync(stream, fileName, CommunityColumns, problems, cancellationToken);
        if (table is null)
        {
            return Failed(fileName, ImportKind.Communities, 0, problems);
        }

        var hasHouseholds = table.Has("households");
        var districts = new DivisionSet<District>();
        var streets = new DivisionSet<Street>();
        var communities = new DivisionSet<Community>();
        foreach (var row in table.Rows)
        {
            var district = new District { Code = table.Get(row, "district_code"), NameZh = table.Get(row, "district_name"), Source = fileName };
            var street = new Street { Code = table.Get(row, "street_code"), Name = table.Get(row, "street_name"), DistrictCode = district.Code, Source = fileName };
            var community = new Community { Code = table.Get(row, "code"), Name = table.Get(row, "name"), StreetCode = street.Code, Source = fileName };
            var before = problems.Count;
            if (hasHouseholds)
            {
                if (SiteFieldParsers.TryParseCount(table.Get(row, "households"), optional: true, out var households, out var reason))
                {
                    community.Households = households;
                }
                else
                {
                    problems.Add(table.Problem(row, "households", reason));
                }
            }

            Report(problems, table, row, RegistryValidator.Validate(district), ("code", "district_code"), ("name", "district_name"));
            Report(problems, table, row, RegistryValidator.Validate(street), ("code", "street_code"), ("name", "street_name"));
            Report(problems, table, row, RegistryValidator.Validate(community));
            if (problems.Count > before)
            {
                continue;
            }

            districts.Add(table, row, district.Code, district, d => d.NameZh, "district_name", problems);
            streets.Add(table, row, street.Code, street, s => s.Name, "street_name", problems);
            communities.AddUnique(table, row, community.Code, community, "code", problems);
        }

        if (problems.Count > 0)
        {
            return Failed(fileName, ImportKind.Communities, table.Rows.Count, problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new Counts();
        await UpsertDistrictsAsync(db, districts.Values, counts, cancellationToken);
        await UpsertStreetsAsync(db, streets.Values, counts, cancellationToken);
        var existing = await db.Communities.ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var community in communities.Values)
        {
            if (!existing.TryGetValue(community.Code, out var current))
            {
                db.Communities.Add(community);
                counts.Inserted++;
            }
            else if (current.Name != community.Name || current.StreetCode != community.StreetCode
                || (hasHouseholds && current.Households != community.Households))
            {
                current.Name = community.Name;
                current.StreetCode = community.StreetCode;
                if (hasHouseholds)
                {
                    current.Households = community.Households;
                }

                current.Source = fileName;
                counts.Updated++;
            }
            else
            {
                counts.Unchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts.Report(fileName, ImportKind.Communities, table.Rows.Count);
    }

    /// <summary>
    /// Imports a sites CSV (docs/formats.md, "Sites CSV"): upserts each site by its code and replaces its bins with the
    /// row's. The district, street and community a row names must already be in the registry; GCJ-02 points are
    /// converted to WGS-84 and recorded as converted.
    /// </summary>
    /// <param name="stream">The file content (UTF-8, BOM optional).</param>
    /// <param name="fileName">The name used in the report and problems.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written then.</param>
    /// <returns>The report; <see cref="ImportReport.Succeeded"/> is false with every problem listed when the file is invalid.</returns>
    public async Task<ImportReport> ImportSitesAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var table = await CsvTable.ReadAsync(stream, fileName, SiteColumns, problems, cancellationToken);
        if (table is null)
        {
            return Failed(fileName, ImportKind.Sites, 0, problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var checks = await RegistryChecks.ReadAsync(db, profile, cancellationToken);
        var sites = new DivisionSet<Site>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            var site = SitesCsvReader.Read(table, row, fileName, problems);
            if (site is null || problems.Count > before)
            {
                continue;
            }

            if (checks.CheckSite(site, (field, why, _) => problems.Add(table.Problem(row, field, why))))
            {
                sites.AddUnique(table, row, site.Code, site, "code", problems);
            }
        }

        if (problems.Count > 0)
        {
            return Failed(fileName, ImportKind.Sites, table.Rows.Count, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new Counts();
        var codes = sites.Values.Select(s => s.Code).ToList();
        var existing = new Dictionary<string, Site>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            var found = await db.Sites.Include(s => s.Bins).Where(s => chunk.Contains(s.Code)).ToListAsync(cancellationToken);
            foreach (var site in found)
            {
                existing[site.Code] = site;
            }
        }

        foreach (var site in sites.Values)
        {
            if (!existing.TryGetValue(site.Code, out var current))
            {
                db.Sites.Add(site);
                counts.Inserted++;
            }
            else if (SiteComparer.SameContent(current, site))
            {
                counts.Unchanged++;
            }
            else
            {
                SiteComparer.CopyContent(site, current);
                counts.Updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts.Report(fileName, ImportKind.Sites, table.Rows.Count);
    }

    /// <summary>
    /// Imports district boundaries from a GeoJSON FeatureCollection (docs/formats.md, "Boundaries GeoJSON"): one
    /// Polygon or MultiPolygon feature per district, its code in <c>properties.adcode</c> (or <c>code</c>), its name in
    /// <c>properties.name</c>. The caller states the datum (nothing is guessed): GCJ-02 coordinates are converted to
    /// WGS-84 and the source datum is recorded. A district not yet in the registry is added with its name.
    /// </summary>
    /// <param name="stream">The file content (UTF-8, BOM optional).</param>
    /// <param name="fileName">The name used in the report and problems.</param>
    /// <param name="datum">The datum of the file's coordinates (<c>wenzhou_districts.geojson</c>: GCJ-02).</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written then.</param>
    /// <returns>The report; <see cref="ImportReport.Succeeded"/> is false with every problem listed when the file is invalid.</returns>
    public Task<ImportReport> ImportBoundariesAsync(Stream stream, string fileName, CoordinateDatum datum, CancellationToken cancellationToken) =>
        ImportBoundariesAsync(stream, fileName, datum, allowMovedBoundary: false, cancellationToken);

    /// <summary>
    /// Imports district boundaries as <see cref="ImportBoundariesAsync(Stream, string, CoordinateDatum, CancellationToken)"/>
    /// does. A boundary that does not overlap the district's previous real boundary (or, for a district without one,
    /// lies far from the city's other districts) is refused unless <paramref name="allowMovedBoundary"/> is set: a
    /// square drawn in the wrong city must not silently replace a district.
    /// </summary>
    /// <param name="stream">The file content (UTF-8, BOM optional; at most <see cref="ImportLimits.MaxFileBytes"/>).</param>
    /// <param name="fileName">The name used in the report and problems.</param>
    /// <param name="datum">The datum of the file's coordinates (<c>wenzhou_districts.geojson</c>: GCJ-02).</param>
    /// <param name="allowMovedBoundary">True to accept boundaries that do not overlap what the registry had (CLI <c>--allow-moved-boundary</c>).</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written then.</param>
    /// <returns>The report; <see cref="ImportReport.Succeeded"/> is false with every problem listed when the file is invalid.</returns>
    public async Task<ImportReport> ImportBoundariesAsync(Stream stream, string fileName, CoordinateDatum datum, bool allowMovedBoundary, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        if (await ImportLimits.ReadAsync(stream, fileName, problems, cancellationToken) is not { } bytes)
        {
            return Failed(fileName, ImportKind.Boundaries, 0, problems);
        }

        var features = GeoJsonBoundaryReader.Read(bytes, fileName, datum, problems);
        if (problems.Count > 0)
        {
            return Failed(fileName, ImportKind.Boundaries, features.Count, problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new Counts();
        var existing = await db.Districts.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        if (!allowMovedBoundary)
        {
            var geography = RegistryGeography.From(existing.Values);
            var shapes = features.ToDictionary(f => f.Code, f => BoundarySimplifier.Read(f.GeometryGeoJson), StringComparer.Ordinal);
            var envelopes = shapes.ToDictionary(s => s.Key, s => s.Value.EnvelopeInternal, StringComparer.Ordinal);
            foreach (var feature in features)
            {
                if (geography.CheckMove(feature.Code, shapes[feature.Code], envelopes) is { } moved)
                {
                    problems.Add(moved.At(fileName, feature.Line, feature.Column, feature.Path + ".geometry"));
                }
            }

            if (problems.Count > 0)
            {
                return Failed(fileName, ImportKind.Boundaries, features.Count, problems);
            }
        }

        foreach (var feature in features)
        {
            if (!existing.TryGetValue(feature.Code, out var district))
            {
                if (feature.NameZh is null)
                {
                    problems.Add(new Why(
                        $"区 {feature.Code} 不在登记库中，而该要素没有可用于新增的名称（properties.name）",
                        $"district {feature.Code} is not in the registry and the feature has no name to add it with").At(fileName, feature.Line, feature.Column, feature.Path + ".properties.name"));
                    continue;
                }

                district = new District { Code = feature.Code, NameZh = feature.NameZh, NameEn = feature.NameEn, Source = fileName };
                db.Districts.Add(district);
                Apply(district, feature, datum, fileName);
                counts.Inserted++;
                continue;
            }

            if (district.BoundaryGeoJson == feature.GeometryGeoJson && district.BoundarySourceDatum == datum && !district.BoundaryIsIllustrative
                && (district.NameEn is not null || feature.NameEn is null))
            {
                counts.Unchanged++;
                continue;
            }

            Apply(district, feature, datum, fileName);
            district.NameEn ??= feature.NameEn;
            counts.Updated++;
        }

        if (problems.Count > 0)
        {
            return Failed(fileName, ImportKind.Boundaries, features.Count, problems);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts.Report(fileName, ImportKind.Boundaries, features.Count);
    }

    private static void Apply(District district, BoundaryFeature feature, CoordinateDatum datum, string fileName)
    {
        district.BoundaryGeoJson = feature.GeometryGeoJson;
        district.BoundarySourceDatum = datum;
        district.BoundaryIsIllustrative = false;
        district.BoundarySource = fileName;
        district.MinLongitude = feature.MinLongitude;
        district.MinLatitude = feature.MinLatitude;
        district.MaxLongitude = feature.MaxLongitude;
        district.MaxLatitude = feature.MaxLatitude;
    }

    private static async Task UpsertDistrictsAsync(CitySortDbContext db, IEnumerable<District> districts, Counts counts, CancellationToken cancellationToken)
    {
        var existing = await db.Districts.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var district in districts)
        {
            if (!existing.TryGetValue(district.Code, out var current))
            {
                db.Districts.Add(district);
                counts.Inserted++;
            }
            else if (current.NameZh != district.NameZh || current.Source == DemoSource || current.IsIllustrative)
            {
                current.NameZh = district.NameZh;
                current.Source = district.Source;
                current.IsIllustrative = false;
                counts.Updated++;
            }
            else
            {
                counts.Unchanged++;
            }
        }
    }

    private static async Task UpsertStreetsAsync(CitySortDbContext db, IEnumerable<Street> streets, Counts counts, CancellationToken cancellationToken)
    {
        var existing = await db.Streets.ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var street in streets)
        {
            if (!existing.TryGetValue(street.Code, out var current))
            {
                db.Streets.Add(street);
                counts.Inserted++;
            }
            else if (current.Name != street.Name || current.DistrictCode != street.DistrictCode || current.Source == DemoSource || current.IsIllustrative)
            {
                current.Name = street.Name;
                current.DistrictCode = street.DistrictCode;
                current.Source = street.Source;
                current.IsIllustrative = false;
                counts.Updated++;
            }
            else
            {
                counts.Unchanged++;
            }
        }
    }

    /// <summary>Turns validator problems into import problems at the row, mapping entity field names to the file's columns.</summary>
    internal static void Report(List<ImportProblem> problems, CsvTable table, CsvRow row, IReadOnlyList<RegistryProblem> found, params (string Field, string Column)[] columnOf)
    {
        foreach (var problem in found)
        {
            var column = columnOf.FirstOrDefault(c => c.Field == problem.Field).Column ?? problem.Field;
            problems.Add(table.Problem(row, column, Why.Of(problem)));
        }
    }

    internal static ImportReport Failed(string file, ImportKind kind, int rows, List<ImportProblem> problems) =>
        new(file, kind, rows, 0, 0, 0, problems.Distinct().OrderBy(p => p.Line).ThenBy(p => p.Column).ToList());

    /// <summary>Insert/update/unchanged counters of one import.</summary>
    internal sealed class Counts
    {
        public int Inserted { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public ImportReport Report(string file, ImportKind kind, int rows) => new(file, kind, rows, Inserted, Updated, Unchanged, []);
    }
}
