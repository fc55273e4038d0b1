using System.Globalization;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Imports;

/// <summary>
/// Imports the city's facilities, haulers, vehicles and dedicated lines with their stops (docs/formats.md: "Facilities
/// CSV", "Haulers CSV", "Vehicles CSV", "Lines CSV") with the rules of every registry import: the whole file is checked
/// first and every problem listed as file:line:column, nothing is written unless every row is good, the writes run in
/// one transaction, and records are matched by natural key (codes, plates), so a second import of the same file
/// changes nothing. Categories and streams are checked against the active profile, points against the city's extent,
/// and references (districts, areas, haulers, facilities, vehicles, sites) against the registry; a reference to an
/// illustrative (demo) record is refused, so that real records never lean on the demo city.
/// </summary>
/// <param name="contextFactory">Creates contexts for the configured database.</param>
/// <param name="profile">The active policy profile (categories, streams, areas).</param>
public sealed class FleetImportService(IDbContextFactory<CitySortDbContext> contextFactory, PolicyProfile profile)
{
    private static readonly string[] FacilityColumns = ["code", "name", "kind", "accepts", "longitude", "latitude", "datum", "gate_fee_yuan_per_tonne", "daily_capacity_tonnes"];
    private static readonly string[] HaulerColumns = ["code", "name"];
    private static readonly string[] VehicleColumns = ["plate", "district_code", "area_code", "hauler_code", "capacity_kg", "capacity_m3"];
    private static readonly string[] LineColumns = ["code", "name", "district_code", "area_code", "carries", "facility_code", "stops"];

    /// <summary>Imports a facilities CSV: upserts each facility by its code.</summary>
    /// <param name="stream">The file content (UTF-8, BOM optional).</param>
    /// <param name="fileName">The name used in the report and problems.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written then.</param>
    /// <returns>The report; <see cref="ImportReport.Succeeded"/> is false with every problem listed when the file is invalid.</returns>
    public async Task<ImportReport> ImportFacilitiesAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var table = await CsvTable.ReadAsync(stream, fileName, FacilityColumns, problems, cancellationToken);
        if (table is null)
        {
            return ImportService.Failed(fileName, ImportKind.Facilities, 0, problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var checks = await RegistryChecks.ReadAsync(db, profile, cancellationToken);
        var facilities = new DivisionSet<Facility>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            var facility = ReadFacility(table, row, fileName, problems);
            if (facility is null || problems.Count > before)
            {
                continue;
            }

            if (checks.CheckFacility(facility, (field, why, _) => problems.Add(table.Problem(row, field, why))))
            {
                facilities.AddUnique(table, row, facility.Code, facility, "code", problems);
            }
        }

        if (problems.Count > 0)
        {
            return ImportService.Failed(fileName, ImportKind.Facilities, table.Rows.Count, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new ImportService.Counts();
        await RegistryUpsert.ApplyAsync(db.Facilities, db.Facilities, facilities.Values, f => f.Code, SameFacility, CopyFacility, counts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts.Report(fileName, ImportKind.Facilities, table.Rows.Count);
    }

    /// <summary>Imports a haulers CSV: upserts each hauler by its code.</summary>
    /// <param name="stream">The file content (UTF-8, BOM optional).</param>
    /// <param name="fileName">The name used in the report and problems.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written then.</param>
    /// <returns>The report; <see cref="ImportReport.Succeeded"/> is false with every problem listed when the file is invalid.</returns>
    public async Task<ImportReport> ImportHaulersAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var table = await CsvTable.ReadAsync(stream, fileName, HaulerColumns, problems, cancellationToken);
        if (table is null)
        {
            return ImportService.Failed(fileName, ImportKind.Haulers, 0, problems);
        }

        var haulers = new DivisionSet<Hauler>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            var hauler = new Hauler
            {
                Code = table.Get(row, "code"),
                Name = table.Get(row, "name"),
                Licence = Optional(table, row, "licence"),
                Franchise = Optional(table, row, "franchise"),
                Source = fileName,
            };
            ImportService.Report(problems, table, row, RegistryValidator.Validate(hauler));
            if (problems.Count == before)
            {
                haulers.AddUnique(table, row, hauler.Code, hauler, "code", problems);
            }
        }

        if (problems.Count > 0)
        {
            return ImportService.Failed(fileName, ImportKind.Haulers, table.Rows.Count, problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new ImportService.Counts();
        await RegistryUpsert.ApplyAsync(
            db.Haulers, db.Haulers, haulers.Values, h => h.Code,
            (a, b) => a.Name == b.Name && a.Licence == b.Licence && a.Franchise == b.Franchise && a.IsIllustrative == b.IsIllustrative,
            (from, to) =>
            {
                to.Name = from.Name;
                to.Licence = from.Licence;
                to.Franchise = from.Franchise;
                to.IsIllustrative = from.IsIllustrative;
                to.Source = from.Source;
            },
            counts,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts.Report(fileName, ImportKind.Haulers, table.Rows.Count);
    }

    /// <summary>
    /// Imports a vehicles CSV: upserts each vehicle by its plate. Its district must be in the registry, its area a
    /// district or a profile area, its hauler in the registry and real, its dedication a category or stream of the profile.
    /// </summary>
    /// <param name="stream">The file content (UTF-8, BOM optional).</param>
    /// <param name="fileName">The name used in the report and problems.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written then.</param>
    /// <returns>The report; <see cref="ImportReport.Succeeded"/> is false with every problem listed when the file is invalid.</returns>
    public async Task<ImportReport> ImportVehiclesAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var table = await CsvTable.ReadAsync(stream, fileName, VehicleColumns, problems, cancellationToken);
        if (table is null)
        {
            return ImportService.Failed(fileName, ImportKind.Vehicles, 0, problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var checks = await RegistryChecks.ReadAsync(db, profile, cancellationToken);
        var vehicles = new DivisionSet<Vehicle>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            var vehicle = ReadVehicle(table, row, fileName, problems);
            if (vehicle is null || problems.Count > before)
            {
                continue;
            }

            checks.CheckVehicle(vehicle, (field, why, _) => problems.Add(table.Problem(row, field, why)));
            if (problems.Count == before)
            {
                vehicles.AddUnique(table, row, vehicle.Plate, vehicle, "plate", problems);
            }
        }

        if (problems.Count > 0)
        {
            return ImportService.Failed(fileName, ImportKind.Vehicles, table.Rows.Count, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new ImportService.Counts();
        await RegistryUpsert.ApplyAsync(db.Vehicles, db.Vehicles, vehicles.Values, v => v.Plate, SameVehicle, CopyVehicle, counts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts.Report(fileName, ImportKind.Vehicles, table.Rows.Count);
    }

    /// <summary>
    /// Imports a dedicated lines CSV (W96-T3): upserts each line by its code and replaces its stops with the row's. Its
    /// facility must be real and accept what the line carries, its vehicle (when given) real and not dedicated to
    /// something else, its stops real sites, each once.
    /// </summary>
    /// <param name="stream">The file content (UTF-8, BOM optional).</param>
    /// <param name="fileName">The name used in the report and problems.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written then.</param>
    /// <returns>The report; <see cref="ImportReport.Succeeded"/> is false with every problem listed when the file is invalid.</returns>
    public async Task<ImportReport> ImportLinesAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var table = await CsvTable.ReadAsync(stream, fileName, LineColumns, problems, cancellationToken);
        if (table is null)
        {
            return ImportService.Failed(fileName, ImportKind.Lines, 0, problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var checks = await RegistryChecks.ReadAsync(db, profile, cancellationToken);
        var lines = new DivisionSet<DedicatedLine>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            var line = ReadLine(table, row, fileName, problems);
            if (line is null || problems.Count > before)
            {
                continue;
            }

            checks.CheckLine(line, (field, why, _) => problems.Add(table.Problem(row, field, why)));
            if (problems.Count == before)
            {
                lines.AddUnique(table, row, line.Code, line, "code", problems);
            }
        }

        if (problems.Count > 0)
        {
            return ImportService.Failed(fileName, ImportKind.Lines, table.Rows.Count, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new ImportService.Counts();
        await RegistryUpsert.ApplyAsync(db.DedicatedLines, db.DedicatedLines.Include(l => l.Stops), lines.Values, l => l.Code, SameLine, CopyLine, counts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts.Report(fileName, ImportKind.Lines, table.Rows.Count);
    }

    private static Facility? ReadFacility(CsvTable table, CsvRow row, string fileName, List<ImportProblem> problems)
    {
        var before = problems.Count;
        if (!TryParseFacilityKind(table.Get(row, "kind"), out var kind))
        {
            problems.Add(table.Problem(row, "kind", new Why(
                $"“{table.Get(row, "kind")}”不是设施类型：可用 " + string.Join("、", Enum.GetNames<FacilityKind>().Select(SiteFieldParsers.Kebab)),
                $"'{table.Get(row, "kind")}' is not a facility kind: use " + string.Join(", ", Enum.GetNames<FacilityKind>().Select(SiteFieldParsers.Kebab)))));
        }

        var categories = new List<WasteCategory>();
        var streams = new List<SpecialStream>();
        foreach (var item in table.Get(row, "accepts").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ParseKind(table, row, "accepts", item, problems) is { } parsed)
            {
                if (parsed.Category is { } c && !categories.Contains(c))
                {
                    categories.Add(c);
                }
                else if (parsed.Stream is { } s && !streams.Contains(s))
                {
                    streams.Add(s);
                }
            }
        }

        if (categories.Count + streams.Count == 0 && problems.Count == before)
        {
            problems.Add(table.Problem(row, "accepts", new Why("该设施未列出接收的垃圾：请列出分类或专项垃圾，以“;”分隔，例如 other;bulky", "the facility accepts nothing: list its categories or streams separated by ';', e.g. other;bulky")));
        }

        var point = ReadPoint(table, row, problems);
        var gateFee = ReadDecimal(table, row, "gate_fee_yuan_per_tonne", problems);
        var capacity = ReadDecimal(table, row, "daily_capacity_tonnes", problems);
        if (problems.Count > before || point is null)
        {
            return null;
        }

        return new Facility
        {
            Code = table.Get(row, "code"),
            Name = table.Get(row, "name"),
            Kind = kind,
            AcceptedCategories = categories,
            AcceptedStreams = streams,
            Longitude = point.Value.Longitude,
            Latitude = point.Value.Latitude,
            SourceDatum = point.Value.Datum,
            GateFeeYuanPerTonne = gateFee,
            DailyCapacityTonnes = capacity,
            Clause = Optional(table, row, "clause"),
            Source = fileName,
        };
    }

    private static Vehicle? ReadVehicle(CsvTable table, CsvRow row, string fileName, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var plate = NormalisePlate(table.Get(row, "plate"));
        if (!RegistryValidator.IsPlate(plate))
        {
            problems.Add(table.Problem(row, "plate", new Why($"“{table.Get(row, "plate")}”不是车牌号：须为省份简称、一个字母和 5 或 6 位字母或数字，例如 浙C12345", $"'{table.Get(row, "plate")}' is not a Chinese licence plate: a province character, a letter and 5 or 6 letters or digits, e.g. 浙C12345")));
        }

        WasteCategory? category = null;
        SpecialStream? stream = null;
        if (Optional(table, row, "dedicated") is { } dedicated && ParseKind(table, row, "dedicated", dedicated, problems) is { } kind)
        {
            (category, stream) = kind;
        }

        var sealedBody = false;
        if (table.Has("sealed") && !SiteFieldParsers.TryParseFlag(table.Get(row, "sealed"), out sealedBody, out var why))
        {
            problems.Add(table.Problem(row, "sealed", why));
        }

        if (!SiteFieldParsers.TryParseCount(table.Get(row, "capacity_kg"), optional: false, out var kg, out var reason))
        {
            problems.Add(table.Problem(row, "capacity_kg", reason));
        }

        var cubicMetres = ReadDecimal(table, row, "capacity_m3", problems);
        if (problems.Count > before)
        {
            return null;
        }

        return new Vehicle
        {
            Plate = plate,
            DistrictCode = table.Get(row, "district_code"),
            AreaCode = table.Get(row, "area_code"),
            HaulerCode = table.Get(row, "hauler_code"),
            DedicatedCategory = category,
            DedicatedStream = stream,
            CapacityKg = kg ?? 0,
            CapacityCubicMetres = cubicMetres,
            Sealed = sealedBody,
            Source = fileName,
        };
    }

    private static DedicatedLine? ReadLine(CsvTable table, CsvRow row, string fileName, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var code = table.Get(row, "code");
        var kind = ParseKind(table, row, "carries", table.Get(row, "carries"), problems);
        var stops = new List<DedicatedLineStop>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var siteCode in table.Get(row, "stops").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!seen.Add(siteCode))
            {
                problems.Add(table.Problem(row, "stops", new Why($"点位 {siteCode} 列了两次：一条线路在每个点位只停一次", $"site {siteCode} is listed twice: a line stops at each site once")));
                continue;
            }

            stops.Add(new DedicatedLineStop { LineCode = code, Sequence = stops.Count + 1, SiteCode = siteCode });
        }

        if (stops.Count == 0 && problems.Count == before)
        {
            problems.Add(table.Problem(row, "stops", new Why("线路没有站点：请按收运顺序列出点位编码，以“;”分隔", "the line has no stops: list its site codes in visiting order separated by ';'")));
        }

        var plateText = Optional(table, row, "vehicle_plate");
        var plate = plateText is null ? null : NormalisePlate(plateText);
        if (plate is not null && !RegistryValidator.IsPlate(plate))
        {
            problems.Add(table.Problem(row, "vehicle_plate", new Why($"“{plateText}”不是车牌号，例如 浙C12345", $"'{plateText}' is not a Chinese licence plate, e.g. 浙C12345")));
        }

        if (problems.Count > before || kind is null)
        {
            return null;
        }

        return new DedicatedLine
        {
            Code = code,
            Name = table.Get(row, "name"),
            DistrictCode = table.Get(row, "district_code"),
            AreaCode = table.Get(row, "area_code"),
            Category = kind.Value.Category,
            Stream = kind.Value.Stream,
            FacilityCode = table.Get(row, "facility_code"),
            VehiclePlate = plate,
            Stops = stops,
            Source = fileName,
        };
    }

    /// <summary>A category or stream as the formats spell it, or null with the problem added (the profile is checked by <see cref="RegistryChecks"/>).</summary>
    private static (WasteCategory? Category, SpecialStream? Stream)? ParseKind(CsvTable table, CsvRow row, string column, string value, List<ImportProblem> problems)
    {
        if (!SiteFieldParsers.TryParseWasteKind(value, out var category, out var stream, out var reason))
        {
            problems.Add(table.Problem(row, column, reason));
            return null;
        }

        return (category, stream);
    }

    private static (double Longitude, double Latitude, CoordinateDatum Datum)? ReadPoint(CsvTable table, CsvRow row, List<ImportProblem> problems)
    {
        var before = problems.Count;
        if (!SiteFieldParsers.TryParseDegrees(table.Get(row, "longitude"), -180, 180, "longitude", out var longitude, out var reason))
        {
            problems.Add(table.Problem(row, "longitude", reason));
        }

        if (!SiteFieldParsers.TryParseDegrees(table.Get(row, "latitude"), -90, 90, "latitude", out var latitude, out reason))
        {
            problems.Add(table.Problem(row, "latitude", reason));
        }

        if (!SiteFieldParsers.TryParseDatum(table.Get(row, "datum"), out var datum, out reason))
        {
            problems.Add(table.Problem(row, "datum", reason));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var (lon, lat) = datum == CoordinateDatum.Gcj02 ? Gcj02Converter.ToWgs84(longitude, latitude) : (longitude, latitude);
        return (Math.Round(lon, 7), Math.Round(lat, 7), datum);
    }

    private static decimal ReadDecimal(CsvTable table, CsvRow row, string column, List<ImportProblem> problems)
    {
        var text = table.Get(row, column);
        if (!decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(table.Problem(row, column, text.Length == 0
                ? new Why("值为空：请填数字，以“.”作小数点", "the value is empty: give a number, '.' as decimal point")
                : new Why($"“{text}”不是数字（以“.”作小数点）", $"'{text}' is not a number ('.' as decimal point)")));
            return 0;
        }

        return value;
    }

    private static string? Optional(CsvTable table, CsvRow row, string column) => table.Get(row, column) is { Length: > 0 } value ? value : null;

    /// <summary>Upper-cases the letters and drops spaces, '-', '·' and '.', as plates are written in many ways.</summary>
    internal static string NormalisePlate(string plate) =>
        new([.. plate.Where(c => c is not (' ' or '-' or '·' or '.' or '\u3000')).Select(char.ToUpperInvariant)]);

    private static bool TryParseFacilityKind(string value, out FacilityKind kind)
    {
        var normalised = SiteFieldParsers.Normalise(value);
        foreach (var candidate in Enum.GetValues<FacilityKind>())
        {
            if (SiteFieldParsers.Normalise(candidate.ToString()) == normalised)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static bool SameFacility(Facility a, Facility b) =>
        a.Name == b.Name && a.Kind == b.Kind && a.AcceptedCategories.SequenceEqual(b.AcceptedCategories) && a.AcceptedStreams.SequenceEqual(b.AcceptedStreams)
        && a.Longitude.Equals(b.Longitude) && a.Latitude.Equals(b.Latitude) && a.SourceDatum == b.SourceDatum
        && a.GateFeeYuanPerTonne == b.GateFeeYuanPerTonne && a.DailyCapacityTonnes == b.DailyCapacityTonnes && a.Clause == b.Clause
        && a.IsIllustrative == b.IsIllustrative;

    private static void CopyFacility(Facility from, Facility to)
    {
        to.Name = from.Name;
        to.Kind = from.Kind;
        to.AcceptedCategories = [.. from.AcceptedCategories];
        to.AcceptedStreams = [.. from.AcceptedStreams];
        to.Longitude = from.Longitude;
        to.Latitude = from.Latitude;
        to.SourceDatum = from.SourceDatum;
        to.GateFeeYuanPerTonne = from.GateFeeYuanPerTonne;
        to.DailyCapacityTonnes = from.DailyCapacityTonnes;
        to.Clause = from.Clause;
        to.IsIllustrative = from.IsIllustrative;
        to.Source = from.Source;
    }

    private static bool SameVehicle(Vehicle a, Vehicle b) =>
        a.DistrictCode == b.DistrictCode && a.AreaCode == b.AreaCode && a.HaulerCode == b.HaulerCode && a.DedicatedCategory == b.DedicatedCategory
        && a.DedicatedStream == b.DedicatedStream && a.CapacityKg == b.CapacityKg && a.CapacityCubicMetres == b.CapacityCubicMetres
        && a.Sealed == b.Sealed && a.IsIllustrative == b.IsIllustrative;

    private static void CopyVehicle(Vehicle from, Vehicle to)
    {
        to.DistrictCode = from.DistrictCode;
        to.AreaCode = from.AreaCode;
        to.HaulerCode = from.HaulerCode;
        to.DedicatedCategory = from.DedicatedCategory;
        to.DedicatedStream = from.DedicatedStream;
        to.CapacityKg = from.CapacityKg;
        to.CapacityCubicMetres = from.CapacityCubicMetres;
        to.Sealed = from.Sealed;
        to.IsIllustrative = from.IsIllustrative;
        to.Source = from.Source;
    }

    private static bool SameLine(DedicatedLine a, DedicatedLine b) =>
        a.Name == b.Name && a.DistrictCode == b.DistrictCode && a.AreaCode == b.AreaCode && a.Category == b.Category && a.Stream == b.Stream
        && a.FacilityCode == b.FacilityCode && a.VehiclePlate == b.VehiclePlate && a.IsIllustrative == b.IsIllustrative
        && a.Stops.OrderBy(s => s.Sequence).Select(s => s.SiteCode).SequenceEqual(b.Stops.OrderBy(s => s.Sequence).Select(s => s.SiteCode));

    private static void CopyLine(DedicatedLine from, DedicatedLine to)
    {
        to.Name = from.Name;
        to.DistrictCode = from.DistrictCode;
        to.AreaCode = from.AreaCode;
        to.Category = from.Category;
        to.Stream = from.Stream;
        to.FacilityCode = from.FacilityCode;
        to.VehiclePlate = from.VehiclePlate;
        to.IsIllustrative = from.IsIllustrative;
        to.Source = from.Source;
        // Stops are keyed by (line, sequence): the stored ones are changed in place, extra ones removed, new ones added.
        var stored = to.Stops.OrderBy(s => s.Sequence).ToList();
        var incoming = from.Stops.OrderBy(s => s.Sequence).ToList();
        for (var i = 0; i < incoming.Count; i++)
        {
            if (i < stored.Count)
            {
                stored[i].SiteCode = incoming[i].SiteCode;
            }
            else
            {
                to.Stops.Add(new DedicatedLineStop { LineCode = to.Code, Sequence = incoming[i].Sequence, SiteCode = incoming[i].SiteCode });
            }
        }

        foreach (var extra in stored.Skip(incoming.Count))
        {
            to.Stops.Remove(extra);
        }
    }
}
