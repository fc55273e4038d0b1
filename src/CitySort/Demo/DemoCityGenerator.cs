using System.Text.Json;
using CitySort.Policy;
using CitySort.Registry;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Precision;
using NetTopologySuite.Triangulate;

namespace CitySort.Demo;

/// <summary>
/// Builds a consistent demo city from a <see cref="DemoCitySpec"/> and a seed (issue item 5). The same spec, seed and
/// existing divisions give the same city: one <see cref="Random"/> seeded once is consumed in a fixed order over
/// inputs sorted by code. Real divisions in the registry are used as they are; where an area has none, the spec's
/// short list of real street codes and names is added. Districts without a boundary get an illustrative one (Voronoi
/// cells of the spec's district centres, clipped to a box around the urban area) that a real boundaries import
/// replaces. Sites get points inside their district's boundary.
/// </summary>
public sealed class DemoCityGenerator
{
    /// <summary>The <c>Source</c> of every record the generator makes.</summary>
    internal const string DemoSource = "demo";
    private static readonly WasteCategory[] LineCategories = [WasteCategory.Kitchen, WasteCategory.Other, WasteCategory.Hazardous, WasteCategory.Recyclable];
    private static readonly string[] CompoundPrefixes = ["锦绣", "阳光", "翠苑", "江滨", "瓯江", "新城", "蓝湾", "绿洲", "金色", "雅园", "福居", "华庭", "滨海", "书香", "和园", "景苑"];
    private static readonly string[] CompoundSuffixes = ["花园", "小区", "公寓", "家园", "新村", "嘉苑"];
    private static readonly string[] InstitutionKinds = ["街道办事处", "税务所", "供电所", "社区卫生服务中心", "银行支行", "科技有限公司", "制造有限公司", "物流有限公司", "邮政支局", "派出所"];
    private static readonly (string Kind, bool Bagged, bool Kitchen)[] PublicPlaceKinds =
        [("文化广场", true, false), ("公园", false, false), ("商业街", true, false), ("农贸市场", false, true), ("人行天桥", true, false), ("地下通道", true, false), ("主干道", true, false), ("美食街", true, true)];

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Generates a demo city on an empty registry (every district and street from the spec).</summary>
    /// <param name="spec">What to build.</param>
    /// <param name="seed">The seed; the same seed gives the same city.</param>
    public DemoCity Generate(DemoCitySpec spec, int seed) => Generate(spec, seed, [], [], []);

    /// <summary>Generates a demo city over the divisions already in the registry.</summary>
    /// <param name="spec">What to build.</param>
    /// <param name="seed">The seed; the same seed and divisions give the same city.</param>
    /// <param name="districts">Districts in the registry (their boundaries are used to place sites when present).</param>
    /// <param name="streets">Streets in the registry.</param>
    /// <param name="communities">Communities in the registry (sites are placed in one of their street's communities).</param>
    /// <returns>The records to add, with the known breaks.</returns>
    /// <exception cref="ArgumentException">
    /// The spec has a share outside 0..1, a negative count, two areas with one code or prefix, an area without streets,
    /// or lines without a facility for their category.
    /// </exception>
    public DemoCity Generate(DemoCitySpec spec, int seed, IReadOnlyList<District> districts, IReadOnlyList<Street> streets, IReadOnlyList<Community> communities)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.ShareNonCompliant is < 0 or > 1 || spec.ShareNotCollectedSorted is < 0 or > 1)
        {
            throw new ArgumentException("Shares must be between 0 and 1.", nameof(spec));
        }

        if (spec.Areas.Any(a => a.Households < 0 || a.Vehicles < 0 || a.DedicatedLines < 0) || spec.MeanHouseholdsPerCompound < 5)
        {
            throw new ArgumentException("Counts must not be negative and the mean compound size must be at least 5.", nameof(spec));
        }

        if (spec.Areas.Select(a => a.AreaCode).Distinct(StringComparer.Ordinal).Count() != spec.Areas.Count
            || spec.Areas.Select(a => a.SiteCodePrefix).Distinct(StringComparer.Ordinal).Count() != spec.Areas.Count)
        {
            throw new ArgumentException("Each area needs its own area code and site code prefix.", nameof(spec));
        }

        var rng = new Random(seed);
        var districtByCode = districts.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var newDistricts = new List<District>();
        foreach (var area in spec.Areas)
        {
            if (!districtByCode.ContainsKey(area.DistrictCode))
            {
                var host = spec.Areas.FirstOrDefault(a => a.IsDistrict && a.DistrictCode == area.DistrictCode) ?? area;
                var district = new District { Code = area.DistrictCode, NameZh = host.NameZh, NameEn = host.NameEn, Source = DemoSource, IsIllustrative = true };
                districtByCode.Add(district.Code, district);
                newDistricts.Add(district);
            }
        }

        var shapes = DistrictShapes(spec, districtByCode, out var illustrative);
        var allStreets = streets.OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var newStreets = new List<Street>();
        var communitiesByStreet = communities.OrderBy(c => c.Code, StringComparer.Ordinal)
            .GroupBy(c => c.StreetCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var sites = new List<Site>();
        var breaks = new Dictionary<string, DemoBreak>(StringComparer.Ordinal);
        var wasteKg = 0.0;
        var sitesByArea = new Dictionary<string, List<Site>>(StringComparer.Ordinal);
        foreach (var area in spec.Areas)
        {
            var areaStreets = StreetsOf(spec, area, allStreets, newStreets);
            var shape = shapes[area.DistrictCode];
            var plans = new List<SitePlan>();
            var context = new AreaContext(spec, area, areaStreets, communitiesByStreet, shape, rng, districtByCode[area.DistrictCode].NameZh);
            plans.AddRange(Compounds(context));
            plans.AddRange(Others(context, SiteType.InstitutionOrEnterprise, spec.InstitutionsPerThousandHouseholds));
            plans.AddRange(Others(context, SiteType.SchoolOrKindergarten, spec.SchoolsPerThousandHouseholds));
            plans.AddRange(Others(context, SiteType.PublicPlace, spec.PublicPlacesPerThousandHouseholds));
            if (area.IsDistrict)
            {
                var managed = plans.Where(p => p.Site.Type == SiteType.ResidentialCompound && p.Site.HasPropertyManagement).ToList();
                foreach (var plan in Shuffle(managed, rng).Take(spec.WetDryPilotsPerDistrict))
                {
                    plan.Site.IsWetDryPilot = true;
                }
            }

            foreach (var group in plans.GroupBy(p => p.Site.Type).OrderBy(g => g.Key))
            {
                var members = group.ToList();
                var broken = (int)Math.Round(members.Count * spec.ShareNonCompliant, MidpointRounding.AwayFromZero);
                foreach (var plan in Shuffle(members.Where(p => BreakableRules(p.Site, spec).Count > 0).ToList(), rng).Take(broken))
                {
                    var rules = BreakableRules(plan.Site, spec);
                    plan.Break = rules[rng.Next(rules.Count)];
                }

                var unsorted = (int)Math.Round(members.Count * spec.ShareNotCollectedSorted, MidpointRounding.AwayFromZero);
                var notSorted = Shuffle(members, rng).Take(unsorted).ToHashSet();
                foreach (var plan in members)
                {
                    plan.Site.CollectedSorted = !notSorted.Contains(plan);
                    plan.Site.Bins = Bins(plan.Site, plan.Break, spec, rng);
                    if (plan.Break is { } rule)
                    {
                        breaks.Add(plan.Site.Code, BreakOf(rule));
                    }
                }
            }

            foreach (var plan in plans)
            {
                var site = plan.Site;
                wasteKg += site.Type switch
                {
                    SiteType.ResidentialCompound => (site.Households ?? 0) * spec.KgPerHouseholdPerDay,
                    SiteType.PublicPlace => spec.KgPerPublicPlacePerDay,
                    _ => (site.Staff ?? 0) * spec.KgPerStaffPerDay,
                };
            }

            sites.AddRange(plans.Select(p => p.Site));
            sitesByArea[area.AreaCode] = plans.Select(p => p.Site).ToList();
        }

        var facilities = spec.Facilities.Select(f => new Facility
        {
            Code = f.Code,
            Name = f.Name,
            Kind = f.Kind,
            AcceptedCategories = [.. f.AcceptedCategories],
            AcceptedStreams = [.. f.AcceptedStreams],
            Longitude = f.Longitude,
            Latitude = f.Latitude,
            SourceDatum = CoordinateDatum.Wgs84,
            GateFeeYuanPerTonne = f.GateFeeYuanPerTonne,
            DailyCapacityTonnes = f.DailyCapacityTonnes,
            Clause = f.Clause,
            IsIllustrative = true,
            Source = DemoSource,
        }).ToList();
        var haulers = spec.Haulers.Select(h => new Hauler { Code = h.Code, Name = h.Name, Franchise = h.Franchise, IsIllustrative = true, Source = DemoSource }).ToList();
        var (vehicles, lines) = Fleet(spec, sitesByArea, facilities, rng);
        var boundaries = illustrative.ToDictionary(c => c, c => ToGeoJson(shapes[c]), StringComparer.Ordinal);
        return new DemoCity(newDistricts, boundaries, newStreets, sites, facilities, haulers, vehicles, lines, breaks, wasteKg / 1000.0)
        {
            ResidualFleet = DemoResidualFleet.Build(spec, sitesByArea, vehicles.Select(v => v.Plate), seed),
        };
    }

    private static List<Street> StreetsOf(DemoCitySpec spec, DemoAreaSpec area, List<Street> allStreets, List<Street> newStreets)
    {
        var claimed = spec.Areas.Where(a => !a.IsDistrict).SelectMany(a => a.StreetCodes).ToHashSet(StringComparer.Ordinal);
        List<Street> Select()
        {
            if (!area.IsDistrict)
            {
                var byCode = allStreets.ToDictionary(s => s.Code, StringComparer.Ordinal);
                var names = new HashSet<string>(StringComparer.Ordinal);
                return area.StreetCodes.Where(byCode.ContainsKey).Select(c => byCode[c]).Where(s => names.Add(s.Name)).ToList();
            }

            return allStreets.Where(s => s.DistrictCode == area.DistrictCode && !claimed.Contains(s.Code)).ToList();
        }

        var found = Select();
        if (found.Count > 0)
        {
            return found;
        }

        var known = allStreets.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var fallback in spec.FallbackStreets.Where(f => !known.Contains(f.Code)
            && (area.IsDistrict ? f.DistrictCode == area.DistrictCode && !claimed.Contains(f.Code) : area.StreetCodes.Contains(f.Code))))
        {
            var street = new Street { Code = fallback.Code, Name = fallback.Name, DistrictCode = fallback.DistrictCode, Source = DemoSource, IsIllustrative = true };
            allStreets.Add(street);
            newStreets.Add(street);
        }

        allStreets.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        found = Select();
        if (found.Count == 0)
        {
            throw new ArgumentException($"The spec gives no streets for area {area.AreaCode}.", nameof(spec));
        }

        return found;
    }

    private static IEnumerable<SitePlan> Compounds(AreaContext c)
    {
        var mean = c.Spec.MeanHouseholdsPerCompound;
        var remaining = c.Area.Households;
        var n = 0;
        while (remaining > 0)
        {
            var size = c.Rng.Next(mean / 5, (mean * 3) + 1);
            if (remaining - size < mean / 5)
            {
                size = remaining;
            }

            remaining -= size;
            var highRise = c.Rng.NextDouble() < 0.35;
            var floors = highRise ? c.Rng.Next(c.Spec.HighRiseMinFloors, 34) : c.Rng.Next(3, Math.Max(4, c.Spec.HighRiseMinFloors));
            var site = c.NewSite(SiteType.ResidentialCompound, ++n,
                $"{CompoundPrefixes[c.Rng.Next(CompoundPrefixes.Length)]}{CompoundSuffixes[c.Rng.Next(CompoundSuffixes.Length)]}");
            site.Households = size;
            site.Floors = floors;
            site.HasPropertyManagement = highRise || c.Rng.NextDouble() < 0.6;
            yield return new SitePlan(site);
        }
    }

    private static IEnumerable<SitePlan> Others(AreaContext c, SiteType type, double perThousand)
    {
        var count = (int)Math.Round(c.Area.Households / 1000.0 * perThousand, MidpointRounding.AwayFromZero);
        for (var n = 1; n <= count; n++)
        {
            Site site;
            switch (type)
            {
                case SiteType.InstitutionOrEnterprise:
                    site = c.NewSite(type, n, InstitutionKinds[c.Rng.Next(InstitutionKinds.Length)]);
                    site.Staff = c.Rng.Next(20, 601);
                    site.Floors = c.Rng.Next(2, 21);
                    site.HasCanteen = c.Rng.NextDouble() < 0.5;
                    break;
                case SiteType.SchoolOrKindergarten:
                    var kind = c.Rng.Next(3);
                    site = c.NewSite(type, n, kind switch { 0 => "小学", 1 => "中学", _ => "幼儿园" });
                    site.Staff = kind == 2 ? c.Rng.Next(100, 501) : c.Rng.Next(600, 2501);
                    site.Floors = c.Rng.Next(2, 7);
                    site.HasCanteen = c.Rng.NextDouble() < 0.7;
                    break;
                default:
                    var place = PublicPlaceKinds[c.Rng.Next(PublicPlaceKinds.Length)];
                    site = c.NewSite(type, n, place.Kind);
                    site.Floors = 0;
                    site.IsBaggedZone = place.Bagged;
                    site.IsKitchenWasteHeavy = place.Kitchen;
                    break;
            }

            yield return new SitePlan(site);
        }
    }

    /// <summary>The bin rules of the site's type (from the profile, W96-B1..B4) whose condition holds for the site.</summary>
    private static List<BinRule> ApplicableRules(Site site, DemoCitySpec spec)
    {
        var rule = spec.SiteRules.FirstOrDefault(r => r.SiteType == site.Type)
            ?? throw new ArgumentException($"The spec has no bin rule for site type {site.Type}.", nameof(spec));
        return rule.Bins.Where(b => Applies(b.When, site, spec)).ToList();
    }

    /// <summary>The rules that a missing or short bin row can break (a rule asking for 0 bins cannot be broken).</summary>
    private static List<BinRule> BreakableRules(Site site, DemoCitySpec spec) =>
        ApplicableRules(site, spec).Where(r => r.PerFloor || r.AllBagged || r.MinCount > 0).ToList();

    /// <summary>Whether a rule's condition holds for the site, read as the bin-rule evaluator reads it (BinCondition).</summary>
    private static bool Applies(BinCondition when, Site site, DemoCitySpec spec) => when switch
    {
        BinCondition.Always => true,
        BinCondition.HighRise => site.Floors >= spec.HighRiseMinFloors,
        BinCondition.HasCanteen => site.HasCanteen,
        BinCondition.WetDryPilot => site.IsWetDryPilot,
        BinCondition.BaggedZone => site.IsBaggedZone,
        BinCondition.KitchenWasteHeavy => site.IsKitchenWasteHeavy,
        BinCondition.HasPropertyManagement => site.HasPropertyManagement,
        _ => false,
    };

    /// <summary>How breaking <paramref name="rule"/> is reported in <see cref="DemoCity.Breaks"/>.</summary>
    private static DemoBreak BreakOf(BinRule rule)
    {
        if (rule.AllBagged)
        {
            return DemoBreak.NotBagged;
        }

        if (rule.PerFloor)
        {
            return DemoBreak.TooFewFloorBins;
        }

        return (rule.Category, rule.Stream) switch
        {
            (WasteCategory.Recyclable, _) => DemoBreak.MissingRecyclable,
            (WasteCategory.Other, _) => DemoBreak.MissingOther,
            (WasteCategory.Hazardous, _) => DemoBreak.MissingHazardous,
            (WasteCategory.Kitchen, _) => DemoBreak.MissingKitchen,
            (_, SpecialStream.Catering) => DemoBreak.MissingCatering,
            _ => DemoBreak.MissingSpecialStream,
        };
    }

    /// <summary>
    /// The bins that meet every rule of the profile that applies to the site (W96-B1..B4 as the spec's rules state them),
    /// then the one broken rule undone: a missing category or stream loses all its rows, a per-floor rule gets one bin
    /// fewer than it needs, a bagged rule gets unbagged bins.
    /// </summary>
    private static List<Bin> Bins(Site site, BinRule? broken, DemoCitySpec spec, Random rng)
    {
        var bins = new List<Bin>();
        var rules = ApplicableRules(site, spec);
        var perRequiredFloorBin = rng.Next(1, 3);
        var atSite = site.Type switch
        {
            SiteType.ResidentialCompound => Math.Max(1, (site.Households ?? 0) / 120),
            SiteType.PublicPlace => rng.Next(2, 21),
            _ => 1,
        };
        foreach (var rule in rules.Where(r => !r.AllBagged))
        {
            var placement = rule.Placements[0];
            // Bins a condition adds (a kitchen-waste-heavy place's C4, a pilot's C4) come at half the site's main count.
            var siteCount = rule.When == BinCondition.Always ? atSite : Math.Max(1, atSite / 2);
            var count = rule.PerFloor
                ? Math.Max(site.Floors, 1) * spec.BinsPerFloor * perRequiredFloorBin
                : Math.Max(rule.MinCount, placement == BinPlacement.Site ? siteCount : rule.Stream is null ? 1 : rng.Next(1, 4));
            var row = bins.FirstOrDefault(b => b.Category == rule.Category && b.Stream == rule.Stream && b.Placement == placement);
            if (row is null)
            {
                bins.Add(new Bin
                {
                    SiteCode = site.Code,
                    Category = rule.Category,
                    Stream = rule.Stream,
                    Placement = placement,
                    Count = count,
                    VolumeLitres = Litres(site, rule, placement),
                });
            }
            else
            {
                row.Count = Math.Max(row.Count, count);
            }
        }

        foreach (var rule in rules.Where(r => r.AllBagged))
        {
            var rows = bins.Where(b => b.Category == rule.Category && b.Stream == rule.Stream && rule.Placements.Contains(b.Placement)).ToList();
            if (rows.Count == 0)
            {
                bins.Add(new Bin
                {
                    SiteCode = site.Code,
                    Category = rule.Category,
                    Stream = rule.Stream,
                    Placement = rule.Placements[0],
                    Count = Math.Max(rule.MinCount, atSite),
                    VolumeLitres = Litres(site, rule, rule.Placements[0]),
                    Bagged = true,
                });
                continue;
            }

            rows.ForEach(b => b.Bagged = true);
            rows[0].Count += Math.Max(0, rule.MinCount - rows.Sum(b => b.Count));
        }

        if (broken is not null)
        {
            var matching = bins.Where(b => b.Category == broken.Category && b.Stream == broken.Stream && broken.Placements.Contains(b.Placement)).ToList();
            if (broken.AllBagged)
            {
                matching.ForEach(b => b.Bagged = false);
            }
            else if (broken.PerFloor)
            {
                var need = Math.Max(site.Floors, 1) * spec.BinsPerFloor;
                var extra = matching.Skip(1).ToList();
                bins.RemoveAll(extra.Contains);
                matching[0].Count = need - 1;
            }
            else
            {
                bins.RemoveAll(b => b.Category == broken.Category && b.Stream == broken.Stream);
            }
        }

        return bins;
    }

    /// <summary>Illustrative volume of one bin, litres (each unit's own choice, W96-C6).</summary>
    private static int Litres(Site site, BinRule rule, BinPlacement placement) => placement switch
    {
        BinPlacement.EveryFloor or BinPlacement.PublicArea => 60,
        BinPlacement.BuildingEntrance => 30,
        BinPlacement.Site when site.Type == SiteType.PublicPlace || rule.Category == WasteCategory.Kitchen => 120,
        _ => 240,
    };

    private static (List<Vehicle> Vehicles, List<DedicatedLine> Lines) Fleet(
        DemoCitySpec spec, Dictionary<string, List<Site>> sitesByArea, List<Facility> facilities, Random rng)
    {
        var vehicles = new List<Vehicle>();
        var lines = new List<DedicatedLine>();
        var plates = new HashSet<string>(StringComparer.Ordinal);
        const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        foreach (var area in spec.Areas)
        {
            var areaVehicles = new List<Vehicle>();
            for (var i = 0; i < area.Vehicles; i++)
            {
                var category = LineCategories[i % LineCategories.Length];
                string plate;
                do
                {
                    plate = $"浙C{Letters[rng.Next(Letters.Length)]}{rng.Next(10000):D4}";
                }
                while (!plates.Add(plate));

                var hauler = spec.Haulers.FirstOrDefault(h => h.AreaCode == area.AreaCode && h.Categories.Contains(category))
                    ?? spec.Haulers.FirstOrDefault(h => h.AreaCode is null && h.Categories.Contains(category))
                    ?? spec.Haulers.FirstOrDefault()
                    ?? throw new ArgumentException("The spec has vehicles but no haulers.", nameof(spec));
                var (kg, m3) = category switch
                {
                    WasteCategory.Kitchen => (5000, 8m),
                    WasteCategory.Hazardous => (2000, 6m),
                    WasteCategory.Recyclable => (3000, 12m),
                    _ => (8000, 14m),
                };
                var vehicle = new Vehicle
                {
                    Plate = plate,
                    DistrictCode = area.DistrictCode,
                    AreaCode = area.AreaCode,
                    HaulerCode = hauler.Code,
                    DedicatedCategory = category,
                    CapacityKg = kg,
                    CapacityCubicMetres = m3,
                    Sealed = true,
                    IsIllustrative = true,
                    Source = DemoSource,
                };
                areaVehicles.Add(vehicle);
            }

            vehicles.AddRange(areaVehicles);
            for (var j = 0; j < area.DedicatedLines; j++)
            {
                var category = LineCategories[j % LineCategories.Length];
                var centre = (area.CentreLongitude, area.CentreLatitude);
                var facility = facilities
                    .Where(f => f.AcceptedCategories.Contains(category) && f.Kind != FacilityKind.TransferStation)
                    .OrderBy(f => Distance2(centre, (f.Longitude, f.Latitude))).ThenBy(f => f.Code, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (facility is null)
                {
                    throw new ArgumentException($"The spec has no facility that accepts {category} for the lines.", nameof(spec));
                }

                var vehicle = areaVehicles.FirstOrDefault(v => v.DedicatedCategory == category && lines.All(l => l.VehiclePlate != v.Plate));
                var candidates = sitesByArea[area.AreaCode]
                    .Where(s => s.CollectedSorted && s.Bins.Any(b => b.Category == category && b.Count > 0)).ToList();
                var chosen = Shuffle(candidates, rng).Take(spec.StopsPerLine).ToList();
                var code = $"{area.SiteCodePrefix}-L{j + 1}";
                var line = new DedicatedLine
                {
                    Code = code,
                    Name = $"{area.NameZh}{CategoryZh(category)}分运专线{j + 1}",
                    DistrictCode = area.DistrictCode,
                    AreaCode = area.AreaCode,
                    Category = category,
                    FacilityCode = facility.Code,
                    VehiclePlate = vehicle?.Plate,
                    IsIllustrative = true,
                    Source = DemoSource,
                };
                var at = (facility.Longitude, facility.Latitude);
                var sequence = 0;
                while (chosen.Count > 0)
                {
                    var next = chosen.OrderBy(s => Distance2(at, (s.Longitude, s.Latitude))).ThenBy(s => s.Code, StringComparer.Ordinal).First();
                    chosen.Remove(next);
                    line.Stops.Add(new DedicatedLineStop { LineCode = code, Sequence = ++sequence, SiteCode = next.Code });
                    at = (next.Longitude, next.Latitude);
                }

                lines.Add(line);
            }
        }

        return (vehicles, lines);
    }

    /// <summary>The shape of each district of the spec: its real boundary when the registry has one, else an illustrative cell.</summary>
    private static Dictionary<string, Geometry> DistrictShapes(DemoCitySpec spec, Dictionary<string, District> districts, out List<string> illustrative)
    {
        var shapes = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        illustrative = [];
        var centres = spec.Areas.Where(a => a.IsDistrict).ToList();
        foreach (var area in spec.Areas.Where(a => !a.IsDistrict && centres.All(c => c.DistrictCode != a.DistrictCode)))
        {
            centres.Add(area);
        }

        var box = Factory.ToGeometry(new Envelope(
            centres.Min(c => c.CentreLongitude) - 0.15, centres.Max(c => c.CentreLongitude) + 0.15,
            centres.Min(c => c.CentreLatitude) - 0.10, centres.Max(c => c.CentreLatitude) + 0.10));
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = box.EnvelopeInternal };
        builder.SetSites(centres.Select(c => new Coordinate(c.CentreLongitude, c.CentreLatitude)).ToList());
        var cells = builder.GetDiagram(Factory);
        foreach (var centre in centres)
        {
            var code = centre.DistrictCode;
            if (districts.TryGetValue(code, out var district) && district.BoundaryGeoJson is not null && !district.BoundaryIsIllustrative
                && TryRead(district.BoundaryGeoJson) is { IsEmpty: false } real)
            {
                shapes[code] = real;
                continue;
            }

            var point = Factory.CreatePoint(new Coordinate(centre.CentreLongitude, centre.CentreLatitude));
            var cell = Enumerable.Range(0, cells.NumGeometries).Select(cells.GetGeometryN).First(g => g.Covers(point));
            shapes[code] = GeometryPrecisionReducer.Reduce(cell.Intersection(box), new PrecisionModel(1e6));
            illustrative.Add(code);
        }

        return shapes;
    }

    private static Geometry? TryRead(string geoJson)
    {
        try
        {
            return JsonSerializer.Deserialize<Geometry>(geoJson, GeoJsonOptions());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ToGeoJson(Geometry geometry) => JsonSerializer.Serialize(geometry, GeoJsonOptions());

    private static JsonSerializerOptions GeoJsonOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Factory));
        return options;
    }

    private static List<T> Shuffle<T>(IReadOnlyList<T> items, Random rng)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static double Distance2((double Lon, double Lat) a, (double Lon, double Lat) b) =>
        ((a.Lon - b.Lon) * (a.Lon - b.Lon)) + ((a.Lat - b.Lat) * (a.Lat - b.Lat));

    private static string CategoryZh(WasteCategory category) => category switch
    {
        WasteCategory.Recyclable => "可回收物",
        WasteCategory.Hazardous => "有害垃圾",
        WasteCategory.Kitchen => "厨余垃圾",
        _ => "其他垃圾",
    };

    /// <summary>A site being generated and the break chosen for it.</summary>
    private sealed class SitePlan(Site site)
    {
        public Site Site { get; } = site;

        public BinRule? Break { get; set; }
    }

    /// <summary>What the site factories of one area share.</summary>
    private sealed class AreaContext(
        DemoCitySpec spec, DemoAreaSpec area, List<Street> streets, Dictionary<string, List<Community>> communities, Geometry shape, Random rng, string districtName)
    {
        private readonly IPreparedGeometry prepared = PreparedGeometryFactory.Prepare(shape);

        public DemoCitySpec Spec { get; } = spec;

        public DemoAreaSpec Area { get; } = area;

        public Random Rng { get; } = rng;

        public Site NewSite(SiteType type, int number, string nameStem)
        {
            var street = streets[Rng.Next(streets.Count)];
            var community = communities.TryGetValue(street.Code, out var list) ? list[Rng.Next(list.Count)] : null;
            var (lon, lat) = PointInside();
            var typeCode = type switch
            {
                SiteType.ResidentialCompound => "RC",
                SiteType.InstitutionOrEnterprise => "IE",
                SiteType.SchoolOrKindergarten => "SK",
                _ => "PP",
            };
            var streetShort = street.Name.Replace("街道", string.Empty, StringComparison.Ordinal);
            return new Site
            {
                Code = $"{Area.SiteCodePrefix}-{typeCode}-{number:D4}",
                Name = $"{streetShort}{nameStem}{(type == SiteType.ResidentialCompound ? string.Empty : number.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))}",
                Type = type,
                DistrictCode = street.DistrictCode,
                StreetCode = street.Code,
                CommunityCode = community?.Code,
                Address = $"{districtName}{street.Name}{Rng.Next(1, 400)}号",
                Longitude = Math.Round(lon, 6),
                Latitude = Math.Round(lat, 6),
                SourceDatum = CoordinateDatum.Wgs84,
                Source = DemoSource,
                IsIllustrative = true,
            };
        }

        private (double Lon, double Lat) PointInside()
        {
            var envelope = shape.EnvelopeInternal;
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var x = envelope.MinX + (Rng.NextDouble() * envelope.Width);
                var y = envelope.MinY + (Rng.NextDouble() * envelope.Height);
                if (prepared.Contains(Factory.CreatePoint(new Coordinate(x, y))))
                {
                    return (x, y);
                }
            }

            var inside = shape.InteriorPoint;
            return (inside.X, inside.Y);
        }
    }
}
