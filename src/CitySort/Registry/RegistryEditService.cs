using System.Globalization;
using CitySort.Imports;
using CitySort.Policy;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Registry;

/// <summary>
/// Adds, changes and retires sites with their bins, vehicles, facilities and dedicated lines one at a time, as an office
/// keeps its registry up to date between imports (docs/registry.md). Every edit passes the checks of the imports
/// (<see cref="RegistryChecks"/>: invariants, references, the active profile's categories, the city's extent and the
/// named district's boundary), and is written whole or not at all. A change names the version it was made from and is
/// refused as a conflict when the record changed since (optimistic concurrency on <see cref="IRetirableRecord.Version"/>).
/// A retired record stays, with its history, and is never deleted: the events, KPIs, plans and exports that name it
/// keep naming it, and it is no longer planned, counted as required or accepted in events after its retirement. An
/// illustrative (demo) record may be edited and stays illustrative; a new record is real.
/// </summary>
/// <param name="contexts">Creates registry contexts.</param>
/// <param name="profile">The active policy profile.</param>
/// <param name="clock">The clock that stamps retirements.</param>
public sealed class RegistryEditService(IDbContextFactory<CitySortDbContext> contexts, PolicyProfile profile, TimeProvider clock)
{
    /// <summary>The <see cref="Site.Source"/> (and the like) of a record added or last changed by an edit.</summary>
    public const string EditSource = "edit";

    /// <summary>Adds a site with its bins.</summary>
    /// <param name="edit">The site; <see cref="SiteEdit.Code"/> is required.</param>
    /// <param name="cancellationToken">Cancels the edit; nothing is written then.</param>
    /// <returns><see cref="RegistryEditOutcome.Created"/>, <see cref="RegistryEditOutcome.Invalid"/> or <see cref="RegistryEditOutcome.Exists"/>.</returns>
    public async Task<RegistryEditResult> AddSiteAsync(SiteEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = edit.Code ?? string.Empty;
        if (await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, cancellationToken) is { } existing)
        {
            return Exists(code, existing, "点位", "site");
        }

        var site = ToSite(code, edit, illustrative: false);
        var problems = await CheckAsync(db, checks => checks.CheckSite(site, Collect(problemsOf: out var found, SitePath(edit))) ? [] : found, cancellationToken);
        if (problems.Count > 0)
        {
            return Invalid(code, problems);
        }

        db.Sites.Add(site);
        return await SaveAsync(db, site, code, RegistryEditOutcome.Created, cancellationToken);
    }

    /// <summary>Changes a site and replaces its bins (keeping the bins whose ids are given).</summary>
    /// <param name="code">The site's code.</param>
    /// <param name="edit">The site as it should be, with the version it was made from.</param>
    /// <param name="cancellationToken">Cancels the edit; nothing is written then.</param>
    /// <returns><see cref="RegistryEditOutcome.Saved"/>, or why not.</returns>
    public async Task<RegistryEditResult> UpdateSiteAsync(string code, SiteEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.Include(s => s.Bins).FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (Refused(site, code, edit.Code, edit.Version, "点位", "site") is { } refused)
        {
            return refused;
        }

        var candidate = ToSite(code, edit, site!.IsIllustrative);
        var binIds = site.Bins.Select(b => b.Id).ToHashSet();
        var problems = await CheckAsync(db, checks => checks.CheckSite(candidate, Collect(out var found, SitePath(edit))) ? [] : found, cancellationToken);
        for (var i = 0; i < edit.Bins.Count; i++)
        {
            if (edit.Bins[i].Id is { } id && !binIds.Contains(id))
            {
                problems.Add(new RegistryEditProblem(
                    $"$.bins[{i}].id",
                    $"bin {id} is not a bin of site {code}: leave the id out for new bins",
                    $"桶 {id} 不是点位 {code} 的桶：新增的桶不填 id"));
            }
        }

        if (problems.Count > 0)
        {
            return Invalid(code, problems);
        }

        CopySite(candidate, site, edit);
        return await SaveAsync(db, site, code, RegistryEditOutcome.Saved, cancellationToken, edit.Version);
    }

    /// <summary>Retires a site: it keeps its history and is no longer listed, counted or planned as active.</summary>
    /// <param name="code">The site's code.</param>
    /// <param name="version">The version the retirement was decided from.</param>
    /// <param name="cancellationToken">Cancels the edit.</param>
    /// <returns><see cref="RegistryEditOutcome.Retired"/>, or why not.</returns>
    public async Task<RegistryEditResult> RetireSiteAsync(string code, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        return await RetireAsync(db, site, code, version, "点位", "site", cancellationToken);
    }

    /// <summary>Adds a vehicle.</summary>
    /// <param name="edit">The vehicle; <see cref="VehicleEdit.Plate"/> is required.</param>
    /// <param name="cancellationToken">Cancels the edit; nothing is written then.</param>
    /// <returns><see cref="RegistryEditOutcome.Created"/>, or why not.</returns>
    public async Task<RegistryEditResult> AddVehicleAsync(VehicleEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plate = FleetImportService.NormalisePlate(edit.Plate ?? string.Empty);
        if (await db.Vehicles.AsNoTracking().FirstOrDefaultAsync(v => v.Plate == plate, cancellationToken) is { } existing)
        {
            return Exists(plate, existing, "车辆", "vehicle");
        }

        var vehicle = ToVehicle(plate, edit, illustrative: false);
        var problems = await CheckAsync(db, checks => checks.CheckVehicle(vehicle, Collect(out var found, VehiclePath(edit))) ? [] : found, cancellationToken);
        if (problems.Count > 0)
        {
            return Invalid(plate, problems);
        }

        db.Vehicles.Add(vehicle);
        return await SaveAsync(db, vehicle, plate, RegistryEditOutcome.Created, cancellationToken);
    }

    /// <summary>Changes a vehicle.</summary>
    /// <param name="plate">The vehicle's plate.</param>
    /// <param name="edit">The vehicle as it should be, with the version it was made from.</param>
    /// <param name="cancellationToken">Cancels the edit; nothing is written then.</param>
    /// <returns><see cref="RegistryEditOutcome.Saved"/>, or why not.</returns>
    public async Task<RegistryEditResult> UpdateVehicleAsync(string plate, VehicleEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        plate = FleetImportService.NormalisePlate(plate);
        var vehicle = await db.Vehicles.FirstOrDefaultAsync(v => v.Plate == plate, cancellationToken);
        var given = edit.Plate is null ? null : FleetImportService.NormalisePlate(edit.Plate);
        if (Refused(vehicle, plate, given, edit.Version, "车辆", "vehicle") is { } refused)
        {
            return refused;
        }

        var candidate = ToVehicle(plate, edit, vehicle!.IsIllustrative);
        var problems = await CheckAsync(db, checks => checks.CheckVehicle(candidate, Collect(out var found, VehiclePath(edit))) ? [] : found, cancellationToken);
        if (problems.Count > 0)
        {
            return Invalid(plate, problems);
        }

        vehicle.DistrictCode = candidate.DistrictCode;
        vehicle.AreaCode = candidate.AreaCode;
        vehicle.HaulerCode = candidate.HaulerCode;
        vehicle.DedicatedCategory = candidate.DedicatedCategory;
        vehicle.DedicatedStream = candidate.DedicatedStream;
        vehicle.CapacityKg = candidate.CapacityKg;
        vehicle.CapacityCubicMetres = candidate.CapacityCubicMetres;
        vehicle.Sealed = candidate.Sealed;
        MarkEdited(db, vehicle, v => v.Source = vehicle.IsIllustrative ? vehicle.Source : EditSource);
        return await SaveAsync(db, vehicle, plate, RegistryEditOutcome.Saved, cancellationToken, edit.Version);
    }

    /// <summary>Retires a vehicle: its events, KPIs and plans keep naming it; events after the retirement are refused.</summary>
    /// <param name="plate">The vehicle's plate.</param>
    /// <param name="version">The version the retirement was decided from.</param>
    /// <param name="cancellationToken">Cancels the edit.</param>
    /// <returns><see cref="RegistryEditOutcome.Retired"/>, or why not.</returns>
    public async Task<RegistryEditResult> RetireVehicleAsync(string plate, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        plate = FleetImportService.NormalisePlate(plate);
        var vehicle = await db.Vehicles.FirstOrDefaultAsync(v => v.Plate == plate, cancellationToken);
        return await RetireAsync(db, vehicle, plate, version, "车辆", "vehicle", cancellationToken);
    }

    /// <summary>Adds a facility.</summary>
    /// <param name="edit">The facility; <see cref="FacilityEdit.Code"/> is required.</param>
    /// <param name="cancellationToken">Cancels the edit; nothing is written then.</param>
    /// <returns><see cref="RegistryEditOutcome.Created"/>, or why not.</returns>
    public async Task<RegistryEditResult> AddFacilityAsync(FacilityEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = edit.Code ?? string.Empty;
        if (await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Code == code, cancellationToken) is { } existing)
        {
            return Exists(code, existing, "设施", "facility");
        }

        var facility = ToFacility(code, edit, illustrative: false);
        var problems = await CheckAsync(db, checks => checks.CheckFacility(facility, Collect(out var found, FacilityPath(edit))) ? [] : found, cancellationToken);
        problems.InsertRange(0, DatumProblems(edit.Datum));
        if (problems.Count > 0)
        {
            return Invalid(code, problems);
        }

        db.Facilities.Add(facility);
        return await SaveAsync(db, facility, code, RegistryEditOutcome.Created, cancellationToken);
    }

    /// <summary>Changes a facility.</summary>
    /// <param name="code">The facility's code.</param>
    /// <param name="edit">The facility as it should be, with the version it was made from.</param>
    /// <param name="cancellationToken">Cancels the edit; nothing is written then.</param>
    /// <returns><see cref="RegistryEditOutcome.Saved"/>, or why not.</returns>
    public async Task<RegistryEditResult> UpdateFacilityAsync(string code, FacilityEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var facility = await db.Facilities.FirstOrDefaultAsync(f => f.Code == code, cancellationToken);
        if (Refused(facility, code, edit.Code, edit.Version, "设施", "facility") is { } refused)
        {
            return refused;
        }

        var candidate = ToFacility(code, edit, facility!.IsIllustrative);
        var problems = await CheckAsync(db, checks => checks.CheckFacility(candidate, Collect(out var found, FacilityPath(edit))) ? [] : found, cancellationToken);
        problems.InsertRange(0, DatumProblems(edit.Datum));
        if (problems.Count > 0)
        {
            return Invalid(code, problems);
        }

        facility.Name = candidate.Name;
        facility.Kind = candidate.Kind;
        facility.AcceptedCategories = candidate.AcceptedCategories;
        facility.AcceptedStreams = candidate.AcceptedStreams;
        facility.Longitude = candidate.Longitude;
        facility.Latitude = candidate.Latitude;
        facility.SourceDatum = candidate.SourceDatum;
        facility.GateFeeYuanPerTonne = candidate.GateFeeYuanPerTonne;
        facility.DailyCapacityTonnes = candidate.DailyCapacityTonnes;
        facility.Clause = candidate.Clause;
        MarkEdited(db, facility, f => f.Source = facility.IsIllustrative ? facility.Source : EditSource);
        return await SaveAsync(db, facility, code, RegistryEditOutcome.Saved, cancellationToken, edit.Version);
    }

    /// <summary>Retires a facility: its weigh tickets and KPIs keep naming it; tickets after the retirement are refused.</summary>
    /// <param name="code">The facility's code.</param>
    /// <param name="version">The version the retirement was decided from.</param>
    /// <param name="cancellationToken">Cancels the edit.</param>
    /// <returns><see cref="RegistryEditOutcome.Retired"/>, or why not.</returns>
    public async Task<RegistryEditResult> RetireFacilityAsync(string code, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var facility = await db.Facilities.FirstOrDefaultAsync(f => f.Code == code, cancellationToken);
        return await RetireAsync(db, facility, code, version, "设施", "facility", cancellationToken);
    }

    /// <summary>Adds a dedicated line with its stops.</summary>
    /// <param name="edit">The line; <see cref="LineEdit.Code"/> is required.</param>
    /// <param name="cancellationToken">Cancels the edit; nothing is written then.</param>
    /// <returns><see cref="RegistryEditOutcome.Created"/>, or why not.</returns>
    public async Task<RegistryEditResult> AddLineAsync(LineEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = edit.Code ?? string.Empty;
        if (await db.DedicatedLines.AsNoTracking().FirstOrDefaultAsync(l => l.Code == code, cancellationToken) is { } existing)
        {
            return Exists(code, existing, "线路", "line");
        }

        var line = ToLine(code, edit, illustrative: false);
        var problems = await CheckAsync(db, checks => checks.CheckLine(line, Collect(out var found, LinePath(edit))) ? [] : found, cancellationToken);
        if (problems.Count > 0)
        {
            return Invalid(code, problems);
        }

        db.DedicatedLines.Add(line);
        return await SaveAsync(db, line, code, RegistryEditOutcome.Created, cancellationToken);
    }

    /// <summary>Changes a dedicated line and replaces its stops.</summary>
    /// <param name="code">The line's code.</param>
    /// <param name="edit">The line as it should be, with the version it was made from.</param>
    /// <param name="cancellationToken">Cancels the edit; nothing is written then.</param>
    /// <returns><see cref="RegistryEditOutcome.Saved"/>, or why not.</returns>
    public async Task<RegistryEditResult> UpdateLineAsync(string code, LineEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var line = await db.DedicatedLines.Include(l => l.Stops).FirstOrDefaultAsync(l => l.Code == code, cancellationToken);
        if (Refused(line, code, edit.Code, edit.Version, "线路", "line") is { } refused)
        {
            return refused;
        }

        var candidate = ToLine(code, edit, line!.IsIllustrative);
        var problems = await CheckAsync(db, checks => checks.CheckLine(candidate, Collect(out var found, LinePath(edit))) ? [] : found, cancellationToken);
        if (problems.Count > 0)
        {
            return Invalid(code, problems);
        }

        line.Name = candidate.Name;
        line.DistrictCode = candidate.DistrictCode;
        line.AreaCode = candidate.AreaCode;
        line.Category = candidate.Category;
        line.Stream = candidate.Stream;
        line.FacilityCode = candidate.FacilityCode;
        line.VehiclePlate = candidate.VehiclePlate;
        // Stops are keyed by (line, sequence): the stored ones are changed in place, extra ones removed, new ones added.
        var stored = line.Stops.OrderBy(s => s.Sequence).ToList();
        for (var i = 0; i < candidate.Stops.Count; i++)
        {
            if (i < stored.Count)
            {
                stored[i].SiteCode = candidate.Stops[i].SiteCode;
            }
            else
            {
                line.Stops.Add(candidate.Stops[i]);
            }
        }

        foreach (var extra in stored.Skip(candidate.Stops.Count))
        {
            line.Stops.Remove(extra);
        }

        MarkEdited(db, line, l => l.Source = line.IsIllustrative ? line.Source : EditSource);
        return await SaveAsync(db, line, code, RegistryEditOutcome.Saved, cancellationToken, edit.Version);
    }

    /// <summary>Retires a dedicated line: its plans keep naming it; it is no longer listed as active.</summary>
    /// <param name="code">The line's code.</param>
    /// <param name="version">The version the retirement was decided from.</param>
    /// <param name="cancellationToken">Cancels the edit.</param>
    /// <returns><see cref="RegistryEditOutcome.Retired"/>, or why not.</returns>
    public async Task<RegistryEditResult> RetireLineAsync(string code, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var line = await db.DedicatedLines.FirstOrDefaultAsync(l => l.Code == code, cancellationToken);
        return await RetireAsync(db, line, code, version, "线路", "line", cancellationToken);
    }

    private async Task<List<RegistryEditProblem>> CheckAsync(CitySortDbContext db, Func<RegistryChecks, List<RegistryEditProblem>> check, CancellationToken cancellationToken)
    {
        var checks = await RegistryChecks.ReadAsync(db, profile, cancellationToken);
        return check(checks);
    }

    /// <summary>A report that collects each problem with the JSON path <paramref name="path"/> gives its field.</summary>
    private static RegistryChecks.Report Collect(out List<RegistryEditProblem> problemsOf, Func<string, int?, string> path)
    {
        var found = new List<RegistryEditProblem>();
        problemsOf = found;
        return (field, why, item) =>
        {
            var problem = new RegistryEditProblem(path(field, item), why.En, why.Zh);
            if (!found.Contains(problem))
            {
                found.Add(problem);
            }
        };
    }

    /// <summary>The request's JSON path of a field as the import formats spell it (<c>district_code</c> → <c>$.districtCode</c>).</summary>
    private static string Path(string field)
    {
        var parts = field.Split('_');
        return "$." + parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static Func<string, int?, string> SitePath(SiteEdit edit) => (field, item) => field switch
    {
        "bins" when item is { } i && i < edit.Bins.Count => $"$.bins[{i}]",
        _ => Path(field),
    };

    private static Func<string, int?, string> VehiclePath(VehicleEdit edit) => (field, _) => field switch
    {
        "dedicated" => edit.DedicatedStream is not null && edit.DedicatedCategory is null ? "$.dedicatedStream" : "$.dedicatedCategory",
        "capacity_m3" => "$.capacityCubicMetres",
        _ => Path(field),
    };

    private static Func<string, int?, string> FacilityPath(FacilityEdit edit) => (field, item) => field switch
    {
        "accepts" when item is { } i && i < edit.AcceptedCategories.Count => $"$.acceptedCategories[{i}]",
        "accepts" when item is { } i => $"$.acceptedStreams[{i - edit.AcceptedCategories.Count}]",
        "accepts" => "$.acceptedCategories",
        _ => Path(field),
    };

    private static Func<string, int?, string> LinePath(LineEdit edit) => (field, item) => field switch
    {
        "carries" => edit.Stream is not null && edit.Category is null ? "$.stream" : "$.category",
        "stops" when item is { } i => $"$.stops[{i}]",
        _ => Path(field),
    };

    private static List<RegistryEditProblem> DatumProblems(CoordinateDatum datum) => Enum.IsDefined(datum)
        ? []
        : [new RegistryEditProblem("$.datum", "the datum must be Wgs84 or Gcj02", "坐标系须为 Wgs84 或 Gcj02")];

    private static Site ToSite(string code, SiteEdit edit, bool illustrative)
    {
        var (longitude, latitude) = Wgs84(edit.Longitude, edit.Latitude, edit.Datum);
        return new Site
        {
            Code = code,
            Name = edit.Name ?? string.Empty,
            Type = edit.Type,
            DistrictCode = edit.DistrictCode ?? string.Empty,
            StreetCode = Blank(edit.StreetCode),
            CommunityCode = Blank(edit.CommunityCode),
            Address = edit.Address ?? string.Empty,
            Longitude = longitude,
            Latitude = latitude,
            SourceDatum = Enum.IsDefined(edit.Datum) ? edit.Datum : CoordinateDatum.Wgs84,
            Households = edit.Households,
            Staff = edit.Staff,
            Floors = edit.Floors,
            HasPropertyManagement = edit.HasPropertyManagement,
            HasCanteen = edit.HasCanteen,
            IsWetDryPilot = edit.IsWetDryPilot,
            IsBaggedZone = edit.IsBaggedZone,
            IsKitchenWasteHeavy = edit.IsKitchenWasteHeavy,
            CollectedSorted = edit.CollectedSorted,
            IsIllustrative = illustrative,
            Source = EditSource,
            Bins = [.. edit.Bins.Select(b => new Bin
            {
                SiteCode = code,
                Category = b.Category,
                Stream = b.Stream,
                Placement = b.Placement,
                Count = b.Count,
                VolumeLitres = b.VolumeLitres,
                Bagged = b.Bagged,
            })],
        };
    }

    /// <summary>Copies the checked candidate onto the stored site; bins with a given id are kept and changed, the rest replaced.</summary>
    private static void CopySite(Site from, Site to, SiteEdit edit)
    {
        var source = to.IsIllustrative ? to.Source : EditSource;
        var bins = to.Bins.ToDictionary(b => b.Id);
        var kept = new List<Bin>();
        for (var i = 0; i < edit.Bins.Count; i++)
        {
            var incoming = from.Bins[i];
            if (edit.Bins[i].Id is { } id && bins.TryGetValue(id, out var bin))
            {
                bin.Category = incoming.Category;
                bin.Stream = incoming.Stream;
                bin.Placement = incoming.Placement;
                bin.Count = incoming.Count;
                bin.VolumeLitres = incoming.VolumeLitres;
                bin.Bagged = incoming.Bagged;
                kept.Add(bin);
            }
            else
            {
                kept.Add(incoming);
            }
        }

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
        to.Source = source;
        foreach (var removed in to.Bins.Where(b => !kept.Contains(b)).ToList())
        {
            to.Bins.Remove(removed);
        }

        foreach (var added in kept.Where(b => !to.Bins.Contains(b)))
        {
            to.Bins.Add(added);
        }
    }

    private static Vehicle ToVehicle(string plate, VehicleEdit edit, bool illustrative) => new()
    {
        Plate = plate,
        DistrictCode = edit.DistrictCode ?? string.Empty,
        AreaCode = Blank(edit.AreaCode) ?? edit.DistrictCode ?? string.Empty,
        HaulerCode = edit.HaulerCode ?? string.Empty,
        DedicatedCategory = edit.DedicatedCategory,
        DedicatedStream = edit.DedicatedStream,
        CapacityKg = edit.CapacityKg,
        CapacityCubicMetres = edit.CapacityCubicMetres,
        Sealed = edit.Sealed,
        IsIllustrative = illustrative,
        Source = EditSource,
    };

    private static Facility ToFacility(string code, FacilityEdit edit, bool illustrative)
    {
        var (longitude, latitude) = Wgs84(edit.Longitude, edit.Latitude, edit.Datum);
        return new Facility
        {
            Code = code,
            Name = edit.Name ?? string.Empty,
            Kind = edit.Kind,
            AcceptedCategories = [.. edit.AcceptedCategories.Distinct()],
            AcceptedStreams = [.. edit.AcceptedStreams.Distinct()],
            Longitude = longitude,
            Latitude = latitude,
            SourceDatum = Enum.IsDefined(edit.Datum) ? edit.Datum : CoordinateDatum.Wgs84,
            GateFeeYuanPerTonne = edit.GateFeeYuanPerTonne,
            DailyCapacityTonnes = edit.DailyCapacityTonnes,
            Clause = Blank(edit.Clause),
            IsIllustrative = illustrative,
            Source = EditSource,
        };
    }

    private static DedicatedLine ToLine(string code, LineEdit edit, bool illustrative) => new()
    {
        Code = code,
        Name = edit.Name ?? string.Empty,
        DistrictCode = edit.DistrictCode ?? string.Empty,
        AreaCode = Blank(edit.AreaCode) ?? edit.DistrictCode ?? string.Empty,
        Category = edit.Category,
        Stream = edit.Stream,
        FacilityCode = edit.FacilityCode ?? string.Empty,
        VehiclePlate = Blank(edit.VehiclePlate) is { } plate ? FleetImportService.NormalisePlate(plate) : null,
        Stops = [.. edit.Stops.Select((site, i) => new DedicatedLineStop { LineCode = code, Sequence = i + 1, SiteCode = site })],
        IsIllustrative = illustrative,
        Source = EditSource,
    };

    private static (double Longitude, double Latitude) Wgs84(double longitude, double latitude, CoordinateDatum datum)
    {
        if (!double.IsFinite(longitude) || !double.IsFinite(latitude))
        {
            return (longitude, latitude);
        }

        var (lon, lat) = datum == CoordinateDatum.Gcj02 ? Gcj02Converter.ToWgs84(longitude, latitude) : (longitude, latitude);
        return (Math.Round(lon, 7), Math.Round(lat, 7));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Refuses a change of a missing or retired record, of another key, or from another version; null when it may go on.</summary>
    private static RegistryEditResult? Refused(IRetirableRecord? record, string key, string? givenKey, int? version, string zh, string en)
    {
        if (record is null)
        {
            return NotFound(key, zh, en);
        }

        if (givenKey is not null && givenKey.Length > 0 && givenKey != key)
        {
            var field = en == "vehicle" ? "$.plate" : "$.code";
            return Invalid(key, [new RegistryEditProblem(
                field,
                $"the {en}'s key {key} cannot change (to {givenKey}): events and reports name it; retire it and add a new {en} instead",
                $"{zh}的编码（号牌）{key} 不能改为 {givenKey}：事件和报表以它为准；请停用后另行新增")]);
        }

        if (record.RetiredAt is { } retired)
        {
            return new RegistryEditResult(RegistryEditOutcome.Exists, key, record.Version, retired, [new RegistryEditProblem(
                "$",
                $"the {en} {key} was retired on {Day(retired)} and can no longer be changed",
                $"{zh} {key} 已于 {Day(retired)} 停用，不能再修改")]);
        }

        if (version is null)
        {
            return Invalid(key, [new RegistryEditProblem(
                "$.version",
                $"give the version of the {en} the change was made from (it is {record.Version} now)",
                $"请填写修改所依据的{zh}版本号（当前为 {record.Version}）")]);
        }

        return version != record.Version ? Conflict(key, record, version.Value, zh, en) : null;
    }

    private static RegistryEditResult Conflict(string key, IRetirableRecord record, int version, string zh, string en) =>
        new(RegistryEditOutcome.Conflict, key, record.Version, record.RetiredAt, [new RegistryEditProblem(
            "$.version",
            $"the {en} {key} was changed by someone else since you opened it (your version {version}, now {record.Version}): reload it and make the change again",
            $"{zh} {key} 在您打开之后已被他人修改（您的版本 {version}，当前 {record.Version}）：请重新载入后再修改")]);

    private static RegistryEditResult NotFound(string key, string zh, string en) =>
        new(RegistryEditOutcome.NotFound, key, null, null, [new RegistryEditProblem("$", $"no {en} has the key '{key}'", $"没有编码（号牌）为“{key}”的{zh}")]);

    private static RegistryEditResult Exists(string key, IRetirableRecord existing, string zh, string en) =>
        new(RegistryEditOutcome.Exists, key, existing.Version, existing.RetiredAt, [existing.RetiredAt is { } retired
            ? new RegistryEditProblem(en == "vehicle" ? "$.plate" : "$.code",
                $"a {en} {key} was retired on {Day(retired)}; its key stays with its history: choose another",
                $"{zh} {key} 已于 {Day(retired)} 停用，编码（号牌）仍属于其历史记录：请另选一个")
            : new RegistryEditProblem(en == "vehicle" ? "$.plate" : "$.code",
                $"a {en} {key} is already in the registry: change it instead of adding it",
                $"登记库中已有{zh} {key}：请修改它，而不是再新增")]);

    private static RegistryEditResult Invalid(string key, IReadOnlyList<RegistryEditProblem> problems) =>
        new(RegistryEditOutcome.Invalid, key, null, null, problems);

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static void MarkEdited<T>(CitySortDbContext db, T record, Action<T> stamp)
        where T : class
    {
        if (db.Entry(record).State == EntityState.Modified)
        {
            stamp(record);
        }
    }

    private async Task<RegistryEditResult> RetireAsync(CitySortDbContext db, IRetirableRecord? record, string key, int version, string zh, string en, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            return NotFound(key, zh, en);
        }

        if (record.RetiredAt is { } retired)
        {
            return new RegistryEditResult(RegistryEditOutcome.Exists, key, record.Version, retired, [new RegistryEditProblem(
                "$", $"the {en} {key} was already retired on {Day(retired)}", $"{zh} {key} 已于 {Day(retired)} 停用")]);
        }

        if (version != record.Version)
        {
            return Conflict(key, record, version, zh, en);
        }

        record.RetiredAt = clock.GetUtcNow().ToUniversalTime();
        return await SaveAsync(db, record, key, RegistryEditOutcome.Retired, cancellationToken, version);
    }

    /// <summary>Saves, with the version the edit was made from as the concurrency token; a change in between is a conflict.</summary>
    private static async Task<RegistryEditResult> SaveAsync(CitySortDbContext db, IRetirableRecord record, string key, RegistryEditOutcome outcome, CancellationToken cancellationToken, int? fromVersion = null)
    {
        if (fromVersion is { } version)
        {
            db.Entry(record).Property(nameof(IRetirableRecord.Version)).OriginalValue = version;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var zh = record switch { Site => "点位", Vehicle => "车辆", Facility => "设施", _ => "线路" };
            var en = record switch { Site => "site", Vehicle => "vehicle", Facility => "facility", _ => "line" };
            var current = await db.Entry(record).GetDatabaseValuesAsync(cancellationToken);
            var now = current?.GetValue<int>(nameof(IRetirableRecord.Version)) ?? record.Version;
            return new RegistryEditResult(RegistryEditOutcome.Conflict, key, now, record.RetiredAt, [new RegistryEditProblem(
                "$.version",
                $"the {en} {key} was changed by someone else while you saved (your version {fromVersion ?? 0}, now {now}): reload it and make the change again",
                $"{zh} {key} 在您保存时已被他人修改（您的版本 {fromVersion ?? 0}，当前 {now}）：请重新载入后再修改")]);
        }

        return new RegistryEditResult(outcome, key, record.Version, record.RetiredAt, []);
    }
}
