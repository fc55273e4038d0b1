using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Imports;

/// <summary>
/// The checks a registry record passes before it is written, whether it comes from a file (the imports) or from an
/// edit (<see cref="RegistryEditService"/>): the entity's invariants (<see cref="RegistryValidator"/>), its references
/// against the registry (districts, streets, communities, haulers, facilities, vehicles, sites; an illustrative or
/// retired record cannot be leaned on by a real one), its categories and streams against the active profile, and its
/// point against the city (<see cref="RegistryGeography"/> for sites, <see cref="CityExtent"/> for facilities). One
/// copy of each rule, so that an edit is refused exactly where the same row in a file would be (docs/formats.md,
/// docs/registry.md). Every reason is given in Chinese and English and names the field as the import formats spell it.
/// </summary>
internal sealed class RegistryChecks
{
    private readonly PolicyProfile profile;
    private readonly HashSet<string> districts;
    private readonly RegistryGeography geography;
    private readonly CityExtent extent;
    private readonly Dictionary<string, string> streetDistricts;
    private readonly Dictionary<string, string> communityStreets;
    private readonly Dictionary<string, bool> haulers;
    private readonly Dictionary<string, Facility> facilities;
    private readonly Dictionary<string, Vehicle> vehicles;
    private readonly Dictionary<string, (bool Illustrative, bool Retired)> sites;

    private RegistryChecks(
        PolicyProfile profile,
        HashSet<string> districts,
        RegistryGeography geography,
        CityExtent extent,
        Dictionary<string, string> streetDistricts,
        Dictionary<string, string> communityStreets,
        Dictionary<string, bool> haulers,
        Dictionary<string, Facility> facilities,
        Dictionary<string, Vehicle> vehicles,
        Dictionary<string, (bool, bool)> sites)
    {
        this.profile = profile;
        this.districts = districts;
        this.geography = geography;
        this.extent = extent;
        this.streetDistricts = streetDistricts;
        this.communityStreets = communityStreets;
        this.haulers = haulers;
        this.facilities = facilities;
        this.vehicles = vehicles;
        this.sites = sites;
    }

    /// <summary>Where a check reports a problem: the field (as the import formats spell it) and the reason.</summary>
    /// <param name="field">The field, such as <c>district_code</c> or <c>bins</c>.</param>
    /// <param name="why">The reason in both languages.</param>
    /// <param name="item">The index from 0 of the bin, stop or accepted kind the problem is about, or null for the field as a whole.</param>
    public delegate void Report(string field, Why why, int? item = null);

    /// <summary>Reads what the checks need from the registry (divisions, boundaries, haulers, facilities, vehicles, sites).</summary>
    /// <param name="db">The context to read through.</param>
    /// <param name="profile">The active profile.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<RegistryChecks> ReadAsync(CitySortDbContext db, PolicyProfile profile, CancellationToken cancellationToken)
    {
        var registryDistricts = await db.Districts.AsNoTracking().ToListAsync(cancellationToken);
        return new RegistryChecks(
            profile,
            registryDistricts.Select(d => d.Code).ToHashSet(StringComparer.Ordinal),
            RegistryGeography.From(registryDistricts),
            await CityExtent.ReadAsync(db, cancellationToken),
            await db.Streets.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.DistrictCode, StringComparer.Ordinal, cancellationToken),
            await db.Communities.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.StreetCode, StringComparer.Ordinal, cancellationToken),
            await db.Haulers.AsNoTracking().ToDictionaryAsync(h => h.Code, h => h.IsIllustrative, StringComparer.Ordinal, cancellationToken),
            await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Code, StringComparer.Ordinal, cancellationToken),
            await db.Vehicles.AsNoTracking().ToDictionaryAsync(v => v.Plate, StringComparer.Ordinal, cancellationToken),
            await db.Sites.AsNoTracking().Select(s => new { s.Code, s.IsIllustrative, Retired = s.RetiredAt != null })
                .ToDictionaryAsync(s => s.Code, s => (s.IsIllustrative, s.Retired), StringComparer.Ordinal, cancellationToken));
    }

    /// <summary>
    /// Checks a site (WGS-84 point): its district is in the registry, its invariants hold, its bins' categories and
    /// streams are the profile's (defect 9), its point lies in the city and its district (defect 5), and its street and
    /// community are in the registry under the district and street it names.
    /// </summary>
    /// <param name="site">The site as it would be written.</param>
    /// <param name="report">Receives every problem.</param>
    /// <returns>True when the site passed every check.</returns>
    public bool CheckSite(Site site, Report report)
    {
        var passed = true;
        void Add(string field, Why why, int? item = null)
        {
            passed = false;
            report(field, why, item);
        }

        // An unknown district is said first: it explains the street and community problems that follow from it.
        if (!districts.Contains(site.DistrictCode))
        {
            Add("district_code", new Why(
                $"区 {site.DistrictCode} 不在登记库中：请先导入区划",
                $"district {site.DistrictCode} is not in the registry: import the divisions first"));
        }

        foreach (var problem in RegistryValidator.Validate(site).Where(p => p.Field != "bins"))
        {
            Add(problem.Field, Why.Of(problem));
        }

        for (var i = 0; i < site.Bins.Count; i++)
        {
            foreach (var problem in RegistryValidator.Validate(site.Bins[i]))
            {
                Add("bins", Why.Of(problem), i);
            }

            if (!Enum.IsDefined(site.Bins[i].Placement))
            {
                Add("bins", new Why($"第 {i + 1} 项桶的摆放位置未知（{(int)site.Bins[i].Placement}）", $"bin item {i + 1}: unknown placement {(int)site.Bins[i].Placement}"), i);
            }
        }

        if (!passed)
        {
            return false;
        }

        CheckBinsAgainstProfile(site, Add);
        if (geography.Check(site.Longitude, site.Latitude, site.DistrictCode) is { } implausible)
        {
            Add("longitude", implausible);
        }

        if (site.StreetCode is not null)
        {
            if (!streetDistricts.TryGetValue(site.StreetCode, out var streetDistrict))
            {
                Add("street_code", new Why(
                    $"街道 {site.StreetCode} 不在登记库中：请先导入区划",
                    $"street {site.StreetCode} is not in the registry: import the divisions first"));
            }
            else if (streetDistrict != site.DistrictCode)
            {
                Add("street_code", new Why(
                    $"街道 {site.StreetCode} 属于区 {streetDistrict}，不属于 {site.DistrictCode}",
                    $"street {site.StreetCode} belongs to district {streetDistrict}, not {site.DistrictCode}"));
            }
        }

        if (site.CommunityCode is not null)
        {
            if (!communityStreets.TryGetValue(site.CommunityCode, out var communityStreet))
            {
                Add("community_code", new Why(
                    $"社区 {site.CommunityCode} 不在登记库中：请先导入社区",
                    $"community {site.CommunityCode} is not in the registry: import the communities first"));
            }
            else if (communityStreet != site.StreetCode)
            {
                Add("community_code", new Why(
                    $"社区 {site.CommunityCode} 属于街道 {communityStreet}，不属于 {site.StreetCode}",
                    $"community {site.CommunityCode} belongs to street {communityStreet}, not {site.StreetCode}"));
            }
        }

        return passed;
    }

    /// <summary>
    /// Checks a facility (WGS-84 point): its invariants, that it accepts something and only categories and streams of
    /// the profile, and that its point lies in the city.
    /// </summary>
    /// <param name="facility">The facility as it would be written.</param>
    /// <param name="report">Receives every problem.</param>
    /// <returns>True when the facility passed every check.</returns>
    public bool CheckFacility(Facility facility, Report report)
    {
        var passed = true;
        void Add(string field, Why why, int? item = null)
        {
            passed = false;
            report(field, why, item);
        }

        foreach (var problem in RegistryValidator.Validate(facility))
        {
            Add(problem.Field, Why.Of(problem));
        }

        if (facility.AcceptedCategories.Count + facility.AcceptedStreams.Count == 0)
        {
            Add("accepts", new Why(
                "该设施什么也不收：请列出它接收的分类或专项垃圾，以“;”分隔，例如 other;bulky",
                "the facility accepts nothing: list its categories or streams separated by ';', e.g. other;bulky"));
        }

        var index = 0;
        foreach (var category in facility.AcceptedCategories)
        {
            if (KindProblem(category, null) is { } why)
            {
                Add("accepts", why, index);
            }

            index++;
        }

        foreach (var stream in facility.AcceptedStreams)
        {
            if (KindProblem(null, stream) is { } why)
            {
                Add("accepts", why, index);
            }

            index++;
        }

        if (PointProblem(facility.Longitude, facility.Latitude) is { } outside)
        {
            Add("longitude", outside);
        }

        return passed;
    }

    /// <summary>
    /// Checks a vehicle: its plate (GA 36), invariants, district and area, that its hauler is in the registry (and
    /// real, for a real vehicle) and that its dedication is a category or stream of the profile.
    /// </summary>
    /// <param name="vehicle">The vehicle as it would be written.</param>
    /// <param name="report">Receives every problem.</param>
    /// <returns>True when the vehicle passed every check.</returns>
    public bool CheckVehicle(Vehicle vehicle, Report report)
    {
        var passed = true;
        void Add(string field, Why why, int? item = null)
        {
            passed = false;
            report(field, why, item);
        }

        if (!RegistryValidator.IsPlate(vehicle.Plate))
        {
            Add("plate", PlateProblem(vehicle.Plate));
        }

        foreach (var problem in RegistryValidator.Validate(vehicle))
        {
            Add(problem.Field, Why.Of(problem));
        }

        if (!passed)
        {
            return false;
        }

        if (KindProblem(vehicle.DedicatedCategory, vehicle.DedicatedStream) is { } kind)
        {
            Add("dedicated", kind);
        }

        CheckDistrictAndArea(vehicle.DistrictCode, vehicle.AreaCode, Add);
        if (!haulers.TryGetValue(vehicle.HaulerCode, out var demoHauler))
        {
            Add("hauler_code", new Why(
                $"运输单位 {vehicle.HaulerCode} 不在登记库中：请先导入运输单位",
                $"hauler {vehicle.HaulerCode} is not in the registry: import the haulers first"));
        }
        else if (demoHauler && !vehicle.IsIllustrative)
        {
            Add("hauler_code", new Why(
                $"运输单位 {vehicle.HaulerCode} 是示例（演示）记录：请先导入真实的运输单位",
                $"hauler {vehicle.HaulerCode} is an illustrative demo record: import the real hauler first"));
        }

        return passed;
    }

    /// <summary>
    /// Checks a dedicated line (W96-T3): invariants, district and area, that it carries a category or stream of the
    /// profile, that its facility is in service, real (for a real line) and accepts what it carries, that its vehicle
    /// (when given) is in service, real and not dedicated to something else, and that its stops are sites in service.
    /// </summary>
    /// <param name="line">The line as it would be written.</param>
    /// <param name="report">Receives every problem.</param>
    /// <returns>True when the line passed every check.</returns>
    public bool CheckLine(DedicatedLine line, Report report)
    {
        var passed = true;
        void Add(string field, Why why, int? item = null)
        {
            passed = false;
            report(field, why, item);
        }

        if (line.VehiclePlate is { } givenPlate && !RegistryValidator.IsPlate(givenPlate))
        {
            Add("vehicle_plate", PlateProblem(givenPlate));
        }

        foreach (var problem in RegistryValidator.Validate(line))
        {
            Add(problem.Field == "category" ? "carries" : problem.Field, Why.Of(problem));
        }

        if (!passed)
        {
            return false;
        }

        if (KindProblem(line.Category, line.Stream) is { } kind)
        {
            Add("carries", kind);
        }

        CheckDistrictAndArea(line.DistrictCode, line.AreaCode, Add);
        var carries = line.Category?.ToString() ?? line.Stream!.Value.ToString();
        if (!facilities.TryGetValue(line.FacilityCode, out var facility))
        {
            Add("facility_code", new Why(
                $"设施 {line.FacilityCode} 不在登记库中：请先导入设施",
                $"facility {line.FacilityCode} is not in the registry: import the facilities first"));
        }
        else if (facility.IsIllustrative && !line.IsIllustrative)
        {
            Add("facility_code", new Why(
                $"设施 {line.FacilityCode} 是示例（演示）记录：请先导入真实的设施",
                $"facility {line.FacilityCode} is an illustrative demo record: import the real facility first"));
        }
        else if (facility.RetiredAt is not null)
        {
            Add("facility_code", new Why(
                $"设施 {line.FacilityCode} 已于 {facility.RetiredAt:yyyy-MM-dd} 停用：请选择在用的设施",
                $"facility {line.FacilityCode} was retired on {facility.RetiredAt:yyyy-MM-dd}: choose a facility in service"));
        }
        else if (line.Category is { } c ? !facility.AcceptedCategories.Contains(c) : !facility.AcceptedStreams.Contains(line.Stream!.Value))
        {
            Add("facility_code", new Why(
                $"设施 {line.FacilityCode} 不接收该线路运输的 {carries}",
                $"facility {line.FacilityCode} does not accept {carries}, which the line carries"));
        }

        if (line.VehiclePlate is { } plate)
        {
            if (!vehicles.TryGetValue(plate, out var vehicle))
            {
                Add("vehicle_plate", new Why($"车辆 {plate} 不在登记库中：请先导入车辆", $"vehicle {plate} is not in the registry: import the vehicles first"));
            }
            else if (vehicle.IsIllustrative && !line.IsIllustrative)
            {
                Add("vehicle_plate", new Why(
                    $"车辆 {plate} 是示例（演示）记录：请先导入真实的车辆",
                    $"vehicle {plate} is an illustrative demo record: import the real vehicle first"));
            }
            else if (vehicle.RetiredAt is not null)
            {
                Add("vehicle_plate", new Why(
                    $"车辆 {plate} 已于 {vehicle.RetiredAt:yyyy-MM-dd} 停用：请选择在用的车辆",
                    $"vehicle {plate} was retired on {vehicle.RetiredAt:yyyy-MM-dd}: choose a vehicle in service"));
            }
            else if ((vehicle.DedicatedCategory is not null || vehicle.DedicatedStream is not null)
                && (vehicle.DedicatedCategory != line.Category || vehicle.DedicatedStream != line.Stream))
            {
                var dedicated = vehicle.DedicatedCategory?.ToString() ?? vehicle.DedicatedStream.ToString();
                Add("vehicle_plate", new Why($"车辆 {plate} 专用于 {dedicated}，而不是 {carries}", $"vehicle {plate} is dedicated to {dedicated}, not {carries}"));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < line.Stops.Count; i++)
        {
            var stop = line.Stops[i];
            if (!seen.Add(stop.SiteCode))
            {
                Add("stops", new Why($"点位 {stop.SiteCode} 列了两次：一条线路每个点位只停一次", $"site {stop.SiteCode} is listed twice: a line stops at each site once"), i);
            }
            else if (!sites.TryGetValue(stop.SiteCode, out var known))
            {
                Add("stops", new Why(
                    $"第 {stop.Sequence} 站：点位 {stop.SiteCode} 不在登记库中：请先导入点位",
                    $"stop {stop.Sequence}: site {stop.SiteCode} is not in the registry: import the sites first"), i);
            }
            else if (known.Illustrative && !line.IsIllustrative)
            {
                Add("stops", new Why(
                    $"第 {stop.Sequence} 站：点位 {stop.SiteCode} 是示例（演示）记录，不是真实点位",
                    $"stop {stop.Sequence}: site {stop.SiteCode} is an illustrative demo record, not a real site"), i);
            }
            else if (known.Retired)
            {
                Add("stops", new Why(
                    $"第 {stop.Sequence} 站：点位 {stop.SiteCode} 已停用",
                    $"stop {stop.Sequence}: site {stop.SiteCode} is retired"), i);
            }
        }

        if (line.Stops.Count == 0)
        {
            Add("stops", new Why("该线路没有站点：请按到访顺序列出点位编码，以“;”分隔", "the line has no stops: list its site codes in visiting order separated by ';'"));
        }

        return passed;
    }

    /// <summary>Why the category or stream is not one the active profile defines, or null when it is (or none is given).</summary>
    /// <param name="category">The category, or null.</param>
    /// <param name="stream">The special stream, or null.</param>
    public Why? KindProblem(WasteCategory? category, SpecialStream? stream)
    {
        var profileName = $"{profile.Id} {profile.Version}";
        if (category is { } c && profile.Categories.All(d => d.Category != c))
        {
            var defined = string.Join(", ", profile.Categories.Select(d => d.Category));
            return new Why(
                $"当前政策配置 {profileName} 没有分类 {c}（配置定义的分类：{defined}）",
                $"the profile {profileName} has no category {c}");
        }

        if (stream is { } s && profile.SpecialStreams.All(d => d.Stream != s))
        {
            return new Why($"当前政策配置 {profileName} 没有专项垃圾 {s}", $"the profile {profileName} has no special stream {s}");
        }

        return null;
    }

    /// <summary>Why the WGS-84 point is not in the city (the extent of the registered boundaries), or null when it is.</summary>
    /// <param name="longitude">WGS-84 longitude, degrees.</param>
    /// <param name="latitude">WGS-84 latitude, degrees.</param>
    public Why? PointProblem(double longitude, double latitude) => extent.Refuse(longitude, latitude);

    /// <summary>Refuses bins of a category or stream the active profile does not define (defect 9).</summary>
    private void CheckBinsAgainstProfile(Site site, Report report)
    {
        var profileName = $"{profile.Id} {profile.Version}";
        for (var i = 0; i < site.Bins.Count; i++)
        {
            var bin = site.Bins[i];
            if (bin.Category is { } category && !profile.Categories.Any(c => c.Category == category))
            {
                var defined = string.Join(", ", profile.Categories.Select(c => c.Category));
                report("bins", new Why(
                    $"第 {i + 1} 项桶的分类 {category} 不在当前政策配置 {profileName} 中（配置定义的分类：{defined}）：请删去该项或换用含此分类的配置",
                    $"bin item {i + 1}: the category {category} is not in the active policy profile {profileName} (it defines {defined}): remove the item or use a profile with that category"), i);
            }

            if (bin.Stream is { } stream && !profile.SpecialStreams.Any(s => s.Stream == stream))
            {
                var defined = profile.SpecialStreams.Count == 0 ? "none" : string.Join(", ", profile.SpecialStreams.Select(s => s.Stream));
                report("bins", new Why(
                    $"第 {i + 1} 项桶的专项垃圾 {stream} 不在当前政策配置 {profileName} 中（配置定义的专项：{defined}）",
                    $"bin item {i + 1}: the special stream {stream} is not in the active policy profile {profileName} (it defines {defined})"), i);
            }
        }
    }

    /// <summary>The district must be in the registry; the area must be that district or a profile area.</summary>
    private void CheckDistrictAndArea(string districtCode, string areaCode, Report report)
    {
        if (!districts.Contains(districtCode))
        {
            report("district_code", new Why(
                $"区 {districtCode} 不在登记库中：请先导入区划",
                $"district {districtCode} is not in the registry: import the divisions first"));
        }

        if (areaCode != districtCode && profile.Area(areaCode) is null)
        {
            var areas = string.Join(", ", profile.Areas.Select(a => a.Id));
            report("area_code", new Why(
                $"“{areaCode}”既不是所填的区 {districtCode}，也不是政策配置中的片区（{areas}）",
                $"'{areaCode}' is neither the row's district {districtCode} nor an area of the profile ({areas})"));
        }
    }

    private static Why PlateProblem(string plate) => new(
        $"“{plate}”不是中国机动车号牌：省份简称、一个字母和 5 或 6 位字母或数字，例如 浙C12345",
        $"'{plate}' is not a Chinese licence plate: a province character, a letter and 5 or 6 letters or digits, e.g. 浙C12345");
}
