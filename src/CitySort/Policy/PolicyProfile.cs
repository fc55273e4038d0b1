using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>
/// A validated policy profile (format <c>citysort-profile/1</c>, docs/profile.md): everything numeric in the policy
/// (categories, bin rules, targets, ratios, money, wage tiers, areas, the implementer's settings), each traceable to
/// a clause id. Immutable; obtained only from <see cref="ProfileLoader"/>, which has checked every reference in it.
/// </summary>
/// <param name="Format">The format name, <c>citysort-profile/1</c>.</param>
/// <param name="Id">Profile id, e.g. <c>wenzhou-2015</c>.</param>
/// <param name="Version">Profile version (semantic version text).</param>
/// <param name="ValidFrom">First day the profile applies.</param>
/// <param name="ValidTo">Last day it applies, or null when open.</param>
/// <param name="Title">Title.</param>
/// <param name="Sources">Source documents; every clause id starts with one of their ids.</param>
/// <param name="Categories">Household-waste categories (W96-C1..C4).</param>
/// <param name="SpecialStreams">Special streams (W96-C5).</param>
/// <param name="Districts">County-level divisions the profile names.</param>
/// <param name="Streets">Streets the profile names individually (e.g. Lingkun for W58-1).</param>
/// <param name="Areas">Areas defined over streets (e.g. the development zone).</param>
/// <param name="Scope">The urban area the plan governs.</param>
/// <param name="SiteTypes">Bin rules per site type (W96-B1..B4), one per <see cref="SiteType"/>.</param>
/// <param name="CollectionModes">Collection and transport modes (W96-K1..K5).</param>
/// <param name="Targets">Targets (W96-T1..T7).</param>
/// <param name="Stages">Stages (W96-S).</param>
/// <param name="People">People ratios (W96-W1, W96-W2).</param>
/// <param name="Money">Money rules (W96-M0..M4).</param>
/// <param name="Assessment">Assessment rules (W96-A3, W96-A4).</param>
/// <param name="MinimumWage">Minimum-wage schedules (W58-1).</param>
/// <param name="Settings">The implementer's choices.</param>
public sealed record PolicyProfile(
    string Format,
    string Id,
    string Version,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    LocalizedText Title,
    IReadOnlyList<SourceDocument> Sources,
    IReadOnlyList<CategoryDefinition> Categories,
    IReadOnlyList<SpecialStreamDefinition> SpecialStreams,
    IReadOnlyList<DistrictDefinition> Districts,
    IReadOnlyList<StreetDefinition> Streets,
    IReadOnlyList<AreaDefinition> Areas,
    ProfileScope Scope,
    IReadOnlyList<SiteTypeRule> SiteTypes,
    IReadOnlyList<CollectionMode> CollectionModes,
    IReadOnlyList<Target> Targets,
    IReadOnlyList<Stage> Stages,
    PeopleRules People,
    IReadOnlyList<MoneyRule> Money,
    IReadOnlyList<AssessmentRule> Assessment,
    IReadOnlyList<WageSchedule> MinimumWage,
    ProfileSettings Settings)
{
    /// <summary>The 6-digit codes of the urban districts in scope (Wenzhou 2015: 330302, 330303, 330304, 330305).</summary>
    public IReadOnlyList<string> UrbanDistrictCodes => Scope.DistrictCodes;

    /// <summary>The areas in scope (Wenzhou 2015: the development zone).</summary>
    public IReadOnlyList<AreaDefinition> UrbanAreas => Areas.Where(a => Scope.AreaIds.Contains(a.Id, StringComparer.Ordinal)).ToArray();

    /// <summary>The category definition of <paramref name="category"/>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>Its definition.</returns>
    /// <exception cref="KeyNotFoundException">When the profile does not define the category.</exception>
    public CategoryDefinition Category(WasteCategory category) =>
        Categories.FirstOrDefault(c => c.Category == category)
        ?? throw new KeyNotFoundException($"The profile {Id} defines no category {category}.");

    /// <summary>The special stream definition of <paramref name="stream"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>Its definition.</returns>
    /// <exception cref="KeyNotFoundException">When the profile does not define the stream.</exception>
    public SpecialStreamDefinition Stream(SpecialStream stream) =>
        SpecialStreams.FirstOrDefault(s => s.Stream == stream)
        ?? throw new KeyNotFoundException($"The profile {Id} defines no special stream {stream}.");

    /// <summary>The bin rules of <paramref name="siteType"/> (W96-B1..B4).</summary>
    /// <param name="siteType">The site type.</param>
    /// <returns>Its rule (a loaded profile has one for every site type).</returns>
    /// <exception cref="KeyNotFoundException">When the profile has no rule for the site type.</exception>
    public SiteTypeRule RuleFor(SiteType siteType) =>
        SiteTypes.FirstOrDefault(s => s.SiteType == siteType)
        ?? throw new KeyNotFoundException($"The profile {Id} has no bin rule for site type {siteType}.");

    /// <summary>The district named by <paramref name="code"/>, or null.</summary>
    /// <param name="code">6-digit district code.</param>
    /// <returns>The district or null.</returns>
    public DistrictDefinition? District(string code) =>
        Districts.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.Ordinal));

    /// <summary>The area with <paramref name="id"/>, or null.</summary>
    /// <param name="id">Area id, e.g. <c>development-zone</c>.</param>
    /// <returns>The area or null.</returns>
    public AreaDefinition? Area(string id) =>
        Areas.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal));

    /// <summary>The target with <paramref name="id"/>, or null.</summary>
    /// <param name="id">Target id, e.g. <c>W96-T2</c> or <c>W96-T1.compounds</c>.</param>
    /// <returns>The target or null.</returns>
    public Target? Target(string id) =>
        Targets.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The profile areas a street belongs to (e.g. the development zone for 330303012 海城街道 of the 2023 codes and
    /// for 330371005 of the 2021 codes). See <see cref="AreaDefinition.ContainsStreet"/> for how codes and names
    /// decide.
    /// </summary>
    /// <param name="streetCode">9-digit township code, or null.</param>
    /// <param name="streetName">Chinese street name, or null.</param>
    /// <returns>The areas, possibly none.</returns>
    public IReadOnlyList<AreaDefinition> ResolveArea(string? streetCode, string? streetName) =>
        Areas.Where(a => a.ContainsStreet(streetCode, streetName)).ToArray();

    /// <summary>
    /// Whether a place lies in the urban area of the plan: its district is an urban district, or its street (or its
    /// county-level code) belongs to an area in scope.
    /// </summary>
    /// <param name="districtCode">6-digit county-level code as the registry holds it.</param>
    /// <param name="streetCode">9-digit township code, or null.</param>
    /// <param name="streetName">Chinese street name, or null.</param>
    /// <returns>True when in scope.</returns>
    public bool IsInScope(string districtCode, string? streetCode, string? streetName = null)
    {
        if (Scope.DistrictCodes.Contains(districtCode, StringComparer.Ordinal))
        {
            return true;
        }

        return UrbanAreas.Any(a => a.ContainsStreet(streetCode, streetName) || a.CountyCodes.Contains(districtCode, StringComparer.Ordinal));
    }

    /// <summary>
    /// The minimum-wage tier of W58-1 for a person working in a street: a tier that lists the street itself wins;
    /// then a tier that lists an area the street (or the county-level code) belongs to; then a tier that lists the
    /// district and does not except the street. So 330305002 灵昆街道 is tier 1 and the rest of 洞头 330305 tier 2.
    /// </summary>
    /// <param name="districtCode">6-digit county-level code.</param>
    /// <param name="streetCode">9-digit township code, or null when only the district is known.</param>
    /// <param name="on">The day whose schedule applies; null for the latest schedule.</param>
    /// <returns>The tier, or null when no schedule is in force on that day or no tier covers the place.</returns>
    public WageTier? WageTierFor(string districtCode, string? streetCode, DateOnly? on = null)
    {
        var schedule = on is { } day
            ? MinimumWage.FirstOrDefault(s => s.Period.Contains(day))
            : MinimumWage.OrderByDescending(s => s.Period.From ?? DateOnly.MinValue).FirstOrDefault();
        if (schedule is null)
        {
            return null;
        }

        var street = streetCode?.Trim();
        if (!string.IsNullOrEmpty(street))
        {
            var byStreet = schedule.Tiers.FirstOrDefault(t => t.StreetCodes.Any(c => SameStreet(c, street)));
            if (byStreet is not null)
            {
                return byStreet;
            }
        }

        var areas = Areas
            .Where(a => a.ContainsStreet(street, null) || a.CountyCodes.Contains(districtCode, StringComparer.Ordinal))
            .Select(a => a.Id)
            .ToHashSet(StringComparer.Ordinal);
        var byArea = schedule.Tiers.FirstOrDefault(t => t.AreaIds.Any(areas.Contains));
        if (byArea is not null)
        {
            return byArea;
        }

        return schedule.Tiers.FirstOrDefault(t =>
            t.DistrictCodes.Contains(districtCode, StringComparer.Ordinal)
            && (string.IsNullOrEmpty(street) || !t.ExceptStreetCodes.Any(c => SameStreet(c, street))));
    }

    /// <summary>
    /// The part of a counted target (W96-T2 vehicles, W96-T3 lines) that a vehicle or line of a place counts for: the
    /// part of an area the place belongs to (by street, or by a county-level code such as 330371) wins; otherwise the
    /// part of its district, unless the place lies in an area that part excludes. So a development-zone vehicle counts
    /// for the zone's 2 whether the registry files it under 330303 with a zone street or under 330371, and a Longwan
    /// vehicle with no street counts for Longwan's 4.
    /// </summary>
    /// <param name="target">A target of this profile with splits.</param>
    /// <param name="districtCode">6-digit county-level code of the vehicle's or line's district.</param>
    /// <param name="streetCode">9-digit street code, or null.</param>
    /// <param name="streetName">Chinese street name, or null.</param>
    /// <returns>The split, or null when no part covers the place.</returns>
    public TargetSplit? SplitFor(Target target, string districtCode, string? streetCode = null, string? streetName = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var areas = Areas
            .Where(a => a.ContainsStreet(streetCode, streetName) || a.CountyCodes.Contains(districtCode, StringComparer.Ordinal))
            .Select(a => a.Id)
            .ToHashSet(StringComparer.Ordinal);
        var byArea = target.Splits.FirstOrDefault(s => s.AreaId is not null && areas.Contains(s.AreaId));
        if (byArea is not null)
        {
            return byArea;
        }

        return target.Splits.FirstOrDefault(s =>
            string.Equals(s.DistrictCode, districtCode, StringComparison.Ordinal) && !s.ExceptAreaIds.Any(areas.Contains));
    }

    /// <summary>
    /// Whether two street codes denote the same street: equal, or both codes of one street the profile names
    /// (a street keeps its identity across the vintages whose codes the profile lists).
    /// </summary>
    private bool SameStreet(string profileCode, string code)
    {
        if (string.Equals(profileCode, code, StringComparison.Ordinal))
        {
            return true;
        }

        return Streets.Concat(Areas.SelectMany(a => a.Streets))
            .Any(s => s.Codes.Contains(profileCode, StringComparer.Ordinal) && s.Codes.Contains(code, StringComparer.Ordinal));
    }
}
