using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Demo;

/// <summary>
/// What the demo city generator builds: the areas with their households, vehicles and lines, the facilities and
/// haulers, the shares of non-compliant sites, and the illustrative generation rates. The server fills it from the
/// policy profile; <see cref="Default"/> is the documented default (Wenzhou 2015: the counts of W96-T2/T3 and the
/// facilities of W96-F) that the tests use; <see cref="DemoCityFactory.SpecFor"/> is the one place that fills it from a
/// profile for every caller (<c>citysort serve</c> and <c>citysort plan --demo</c>). Every rate and share here is
/// illustrative, not a statistic.
/// </summary>
public sealed record DemoCitySpec
{
    /// <summary>The areas, in generation order.</summary>
    public required IReadOnlyList<DemoAreaSpec> Areas { get; init; }

    /// <summary>Streets used when the database has none for an area (a later divisions import merges by code).</summary>
    public required IReadOnlyList<DemoStreetSpec> FallbackStreets { get; init; }

    /// <summary>The facilities (W96-F); values illustrative.</summary>
    public required IReadOnlyList<DemoFacilitySpec> Facilities { get; init; }

    /// <summary>The haulers; the first that carries a category (for the area, else city-wide) gets its vehicles.</summary>
    public required IReadOnlyList<DemoHaulerSpec> Haulers { get; init; }

    /// <summary>
    /// The bin rules of the site types (W96-B1..B4), as the profile states them: the generator gives each site the bins
    /// that meet every rule that applies to it, then breaks one applicable rule of the non-compliant share. Default: the
    /// rules of the shipped Wenzhou 2015 profile.
    /// </summary>
    public required IReadOnlyList<SiteTypeRule> SiteRules { get; init; }

    /// <summary>
    /// Share of sites, per area and site type, whose bins break their rule (0..1), so that the bin-rule evaluator finds
    /// about this share non-compliant. Default 0.2.
    /// </summary>
    public double ShareNonCompliant { get; init; } = 0.2;

    /// <summary>Share of sites, per area and site type, whose waste is not collected sorted (0..1). Default 0.1.</summary>
    public double ShareNotCollectedSorted { get; init; } = 0.1;

    /// <summary>Floors from which a building is high-rise (every-floor bins, W96-B1). Default 10, as the Wenzhou profile.</summary>
    public int HighRiseMinFloors { get; init; } = 10;

    /// <summary>Bins per category per floor for every-floor rules. Default 1, as the Wenzhou profile.</summary>
    public int BinsPerFloor { get; init; } = 1;

    /// <summary>Wet/dry pilot compounds per district (W96-B1 says 1-2). Default 2.</summary>
    public int WetDryPilotsPerDistrict { get; init; } = 2;

    /// <summary>Mean households of a residential compound; sizes are drawn between a fifth of it and three times it. Default 450.</summary>
    public int MeanHouseholdsPerCompound { get; init; } = 450;

    /// <summary>Agencies, institutions and enterprises with sorting sites per 1,000 households. Default 0.9.</summary>
    public double InstitutionsPerThousandHouseholds { get; init; } = 0.9;

    /// <summary>Schools and kindergartens per 1,000 households. Default 0.45.</summary>
    public double SchoolsPerThousandHouseholds { get; init; } = 0.45;

    /// <summary>Public places with bins per 1,000 households. Default 0.4.</summary>
    public double PublicPlacesPerThousandHouseholds { get; init; } = 0.4;

    /// <summary>
    /// Illustrative household waste per household per day, kg. Default 3.0 (about 1.05 kg per person per day at about
    /// 2.85 persons per household), which with the defaults gives about 3,300 t/day city-wide.
    /// </summary>
    public double KgPerHouseholdPerDay { get; init; } = 3.0;

    /// <summary>Illustrative waste per person on site (staff, pupils) per day, kg. Default 0.5.</summary>
    public double KgPerStaffPerDay { get; init; } = 0.5;

    /// <summary>Illustrative waste of one public place per day, kg. Default 150.</summary>
    public double KgPerPublicPlacePerDay { get; init; } = 150;

    /// <summary>Site stops of a dedicated line. Default 12.</summary>
    public int StopsPerLine { get; init; } = 12;

    /// <summary>The existing other-waste fleet of W96-K3 (compactor and transfer trucks), illustrative.</summary>
    public DemoResidualFleetSpec ResidualFleet { get; init; } = new();

    /// <summary>
    /// The default: Wenzhou's four urban districts and the development zone (profile area <c>development-zone</c>),
    /// about 1,000,000 households, the 16 vehicles (Lucheng 6, Ouhai 4, Longwan 4, development zone 2) and 8 lines
    /// (3, 2, 2, 1) of W96-T2/T3, the facilities of W96-F plus a recycling centre (W96-K1) and one transfer station per
    /// district (W96-K3). Centres, households, gate fees and capacities are illustrative.
    /// </summary>
    public static DemoCitySpec Default { get; } = new()
    {
        SiteRules = ProfileLoader.LoadDefault().SiteTypes,
        Areas =
        [
            new("330302", "330302", "鹿城区", "Lucheng", "LC", 120.655, 28.030, 400_000, 6, 3, []),
            new("330304", "330304", "瓯海区", "Ouhai", "OH", 120.580, 27.950, 300_000, 4, 2, []),
            new("330303", "330303", "龙湾区", "Longwan", "LW", 120.780, 27.930, 160_000, 4, 2, []),
            new("development-zone", "330303", "温州经济技术开发区", "Development zone", "JK", 120.830, 27.880, 90_000, 2, 1,
                ["330303012", "330303013", "330303014", "330303015", "330371005", "330371008", "330371009", "330371011"]),
            new("330305", "330305", "洞头区", "Dongtou", "DT", 121.050, 27.860, 45_000, 0, 0, []),
        ],
        FallbackStreets =
        [
            new("330302006", "五马街道", "330302"),
            new("330302024", "滨江街道", "330302"),
            new("330302025", "南汇街道", "330302"),
            new("330302026", "松台街道", "330302"),
            new("330302030", "蒲鞋市街道", "330302"),
            new("330303001", "永中街道", "330303"),
            new("330303003", "海滨街道", "330303"),
            new("330303004", "永兴街道", "330303"),
            new("330303006", "状元街道", "330303"),
            new("330303012", "海城街道", "330303"),
            new("330303013", "沙城街道", "330303"),
            new("330303014", "天河街道", "330303"),
            new("330303015", "星海街道", "330303"),
            new("330304001", "景山街道", "330304"),
            new("330304002", "梧田街道", "330304"),
            new("330304003", "南白象街道", "330304"),
            new("330304004", "茶山街道", "330304"),
            new("330305001", "北岙街道", "330305"),
            new("330305002", "灵昆街道", "330305"),
            new("330305003", "东屏街道", "330305"),
        ],
        Facilities =
        [
            new("YQ-WTE", "永强垃圾焚烧发电厂（扩建）", FacilityKind.WasteToEnergyPlant, [WasteCategory.Other], [], 120.815, 27.905, 110m, 1500m, "W96-F3"),
            new("LJ-WTE", "临江垃圾焚烧发电厂（三期）", FacilityKind.WasteToEnergyPlant, [WasteCategory.Other], [], 120.720, 27.990, 105m, 1500m, "W96-F3"),
            new("XX-LF", "西向生态填埋场（一期）", FacilityKind.Landfill, [WasteCategory.Other], [SpecialStream.Bulky], 120.520, 27.985, 80m, 1200m, "W96-F3"),
            new("ECO-HAZ", "市综合材料生态处置中心", FacilityKind.HazardousWasteCentre, [WasteCategory.Hazardous], [], 120.760, 27.960, 2500m, 30m, "W96-F2"),
            new("KW-PLANT", "餐厨垃圾处理厂", FacilityKind.KitchenWastePlant, [WasteCategory.Kitchen], [SpecialStream.Catering], 120.790, 27.945, 180m, 300m, "W96-F1"),
            new("CW-SITE", "建筑垃圾消纳场", FacilityKind.ConstructionWasteSite, [], [SpecialStream.ConstructionAndRenovation], 120.560, 27.920, 20m, 5000m, "W96-F1"),
            new("RC-CENTRE", "再生资源分拣中心", FacilityKind.RecyclingCentre, [WasteCategory.Recyclable], [SpecialStream.Bulky], 120.700, 27.965, 0m, 200m, "W96-K1"),
            new("TS-LC", "鹿城区垃圾中转站", FacilityKind.TransferStation, [WasteCategory.Other], [], 120.640, 28.020, 60m, 800m, "W96-K3"),
            new("TS-OH", "瓯海区垃圾中转站", FacilityKind.TransferStation, [WasteCategory.Other], [], 120.600, 27.960, 60m, 600m, "W96-K3"),
            new("TS-LW", "龙湾区垃圾中转站", FacilityKind.TransferStation, [WasteCategory.Other], [], 120.770, 27.935, 60m, 400m, "W96-K3"),
            new("TS-DT", "洞头区垃圾中转站", FacilityKind.TransferStation, [WasteCategory.Other], [], 121.050, 27.850, 60m, 100m, "W96-K3"),
        ],
        Haulers =
        [
            new("CATERING-FR", "城区餐厨垃圾收运处置特许经营企业", "urban catering-waste collection and treatment franchise (W96-K4)", [WasteCategory.Kitchen], null),
            new("CITY-UTIL", "市公用集团", "hazardous-waste collection to the eco-disposal centre (W96-K2)", [WasteCategory.Hazardous], null),
            new("RECYCLER", "再生资源回收企业", "recycling approved by the commerce department (W96-K1)", [WasteCategory.Recyclable], null),
            new("SAN-330302", "鹿城区环卫处", null, [WasteCategory.Other], "330302"),
            new("SAN-330304", "瓯海区环卫处", null, [WasteCategory.Other], "330304"),
            new("SAN-330303", "龙湾区环卫处", null, [WasteCategory.Other], "330303"),
            new("SAN-DZ", "经开区环卫所", null, [WasteCategory.Other], "development-zone"),
            new("SAN-330305", "洞头区环卫处", null, [WasteCategory.Other], "330305"),
        ],
    };
}
