using System.Globalization;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Security;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Planning;

/// <summary>
/// Plans and reads the dedicated vehicles' day (issue 4 item 5; W96-T3, W96-K3). For each planning area (district,
/// or profile area such as the development zone) and each category of the profile's <c>planning</c> setting that the
/// area has dedicated vehicles for, it selects the due sites (<see cref="DueSiteSelector"/>), derives the depot,
/// gets the travel matrix (<see cref="ITravelMatrixProvider"/>), plans with <see cref="DailyPlanner"/> and stores the
/// plans, replacing earlier plans of the same date, area and category in one transaction.
/// </summary>
/// <remarks>
/// Depot: the registry does not yet record vehicle yards, so an area's vehicles start and end at the transfer station
/// nearest the centre of the area's sites, or at that centre when there is none; the plan names it. Plans of one
/// service instance are made one at a time.
/// </remarks>
public sealed class DailyPlanService
{
    private readonly IDbContextFactory<CitySortDbContext> contexts;
    private readonly PolicyProfile profile;
    private readonly TimeProvider time;
    private readonly PlanningOptions options;
    private readonly ITravelMatrixProvider? matrices;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Creates the service.</summary>
    /// <param name="contexts">The database.</param>
    /// <param name="profile">The policy profile; its <c>planning</c> setting drives the plans.</param>
    /// <param name="time">The clock.</param>
    /// <param name="options">Solver limits and seed; null for <see cref="PlanningOptions"/> defaults.</param>
    /// <param name="matrices">A road-network matrix provider; null for <see cref="GreatCircleTravelMatrixProvider"/>.</param>
    public DailyPlanService(
        IDbContextFactory<CitySortDbContext> contexts,
        PolicyProfile profile,
        TimeProvider time,
        PlanningOptions? options = null,
        ITravelMatrixProvider? matrices = null)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(time);
        this.contexts = contexts;
        this.profile = profile;
        this.time = time;
        this.options = options ?? new PlanningOptions();
        this.matrices = matrices;
    }

    /// <summary>Plans <paramref name="date"/> (re-plans when plans exist) and stores the plans.</summary>
    /// <param name="date">The business day (Asia/Shanghai calendar day).</param>
    /// <param name="filter">One area and/or category; null for all.</param>
    /// <param name="progress">Told when each plan starts and ends.</param>
    /// <param name="cancellationToken">Cancels planning; nothing is stored then.</param>
    /// <returns>The plans made, with notes on groups not planned and why.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the profile's validity (check with <see cref="DateProblem"/> first).</exception>
    public async Task<DailyPlanSet> PlanAsync(DateOnly date, PlanningRequest? filter, IProgress<PlanningProgress>? progress, CancellationToken cancellationToken)
    {
        if (DateProblem(date) is { } outside)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, outside.En);
        }

        filter ??= new PlanningRequest();
        if (profile.Settings.Planning?.Value is not { } rules)
        {
            return new DailyPlanSet(date, [], [$"The policy profile {profile.Id} {profile.Version} has no 'planning' setting, so nothing can be planned."]);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var (groups, unplannable, found) = await CollectAsync(date, rules, filter, cancellationToken);
            var notes = found.ToList();
            if (groups.Count == 0 && notes.Count == 0)
            {
                notes.Add($"Nothing to plan on {date:yyyy-MM-dd}" + (filter.Area is { } a ? $" in area '{a}'" : string.Empty)
                    + (filter.Category is { } c ? $" for {c}" : string.Empty) + ": no area with dedicated vehicles of a planned category matches.");
            }

            var provider = matrices ?? new GreatCircleTravelMatrixProvider(rules);
            var planner = new DailyPlanner(time);
            var total = unplannable.Count + groups.Count;
            var plans = new List<DailyPlan>();
            foreach (var (group, reason) in unplannable)
            {
                progress?.Report(new PlanningProgress(plans.Count, total, group.AreaCode, group.Category, group.DueSites.Count, false));
                plans.Add(planner.Unplanned(group, reason, options));
                progress?.Report(new PlanningProgress(plans.Count, total, group.AreaCode, group.Category, group.DueSites.Count, true));
            }

            foreach (var group in groups)
            {
                progress?.Report(new PlanningProgress(plans.Count, total, group.AreaCode, group.Category, group.DueSites.Count, false));
                var matrix = await provider.GetAsync(group.Points, cancellationToken);
                var plan = await Task.Run(() => planner.Plan(group, matrix, options, cancellationToken), cancellationToken);
                plans.Add(plan);
                progress?.Report(new PlanningProgress(plans.Count, total, group.AreaCode, group.Category, group.DueSites.Count, true));
            }

            plans = plans.OrderBy(p => p.AreaCode, StringComparer.Ordinal).ThenBy(p => p.Category).ToList();
            await StoreAsync(date, filter, plans, cancellationToken);
            return new DailyPlanSet(date, plans, notes);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The stored plans of <paramref name="date"/>, or null when the date has not been planned.</summary>
    /// <param name="date">The business day.</param>
    /// <param name="filter">One area and/or category; null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plans ordered by area and category, with the notes of plans that could not be made (no vehicle or facility), or null.</returns>
    public Task<DailyPlanSet?> GetAsync(DateOnly date, PlanningRequest? filter, CancellationToken cancellationToken = default) =>
        GetAsync(AccessScope.City, date, filter, cancellationToken);

    /// <summary>
    /// The stored plans of <paramref name="date"/> within <paramref name="scope"/> (a district officer reads the plans
    /// of the officer's districts alone), or null when none of them was planned.
    /// </summary>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="date">The business day.</param>
    /// <param name="filter">One area and/or category; null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plans ordered by area and category, with the notes of plans that could not be made (no vehicle or facility), or null.</returns>
    public async Task<DailyPlanSet?> GetAsync(AccessScope scope, DateOnly date, PlanningRequest? filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.DailyPlans.AsNoTracking().InScope(scope, db.Vehicles).Where(p => p.Date == date);
        if (!string.IsNullOrWhiteSpace(filter?.Area))
        {
            var area = filter.Area.Trim();
            query = query.Where(p => p.AreaCode == area);
        }

        if (filter?.Category is { } category)
        {
            query = query.Where(p => p.Category == category);
        }

        var plans = await query
            .Include(p => p.Trips).ThenInclude(t => t.Stops)
            .Include(p => p.Unserved)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (plans.Count == 0)
        {
            return null;
        }

        var own = await ScopeQueries.PlatesAsync(db, scope, cancellationToken);
        foreach (var plan in plans)
        {
            if (own is not null)
            {
                HaulersPart(plan, own);
            }

            plan.Trips = plan.Trips.OrderBy(t => t.VehiclePlate, StringComparer.Ordinal).ThenBy(t => t.VehicleTrip).ToList();
            foreach (var trip in plan.Trips)
            {
                trip.Stops = trip.Stops.OrderBy(s => s.Sequence).ToList();
            }

            plan.Unserved = plan.Unserved.OrderBy(u => u.SiteCode, StringComparer.Ordinal).ToList();
        }

        var ordered = plans.OrderBy(p => p.AreaCode, StringComparer.Ordinal).ThenBy(p => p.Category).ToList();
        // The notes said when the day was planned, rebuilt from the stored plans that could not be made.
        var notes = new List<string>();
        foreach (var plan in ordered.Where(p => p.Trips.Count == 0 && p.Unserved.Count > 0))
        {
            var reason = plan.Unserved[0].Reason;
            if (plan.VehicleCount == 0)
            {
                notes.Add($"{plan.AreaCode}: {plan.Unserved.Count} site(s) are due for {plan.Category} but {reason}; not planned.");
            }
            else if (UnservedReason.Describe(reason).Code == UnservedReason.NoFacilityCode)
            {
                notes.Add($"{plan.AreaCode}: {reason}; not planned.");
            }
        }

        return new DailyPlanSet(date, ordered, notes);
    }

    /// <summary>
    /// Narrows a plan read by a hauler to the trips of its own vehicles (<paramref name="plates"/>): the other haulers'
    /// trips and the unserved sites (the city's planning matter) are left out, and the plan's totals become those of
    /// the trips kept (vehicles, due sites as the stops they visit, load, distance). The plan is not tracked, so
    /// nothing is written back.
    /// </summary>
    private static void HaulersPart(DailyPlan plan, IReadOnlySet<string> plates)
    {
        plan.Trips = plan.Trips.Where(t => plates.Contains(t.VehiclePlate)).ToList();
        plan.Unserved = [];
        plan.VehicleCount = plan.Trips.Select(t => t.VehiclePlate).Distinct(StringComparer.Ordinal).Count();
        plan.DueSiteCount = plan.Trips.SelectMany(t => t.Stops).Select(s => s.SiteCode).Distinct(StringComparer.Ordinal).Count();
        plan.TotalLoadKg = plan.Trips.Sum(t => t.LoadKg);
        plan.TotalDistanceMetres = plan.Trips.Sum(t => t.DistanceMetres);
    }

    /// <summary>The planning groups of <paramref name="date"/> read from the registry, with notes on what cannot be planned.</summary>
    /// <param name="date">The business day.</param>
    /// <param name="rules">The profile's planning rules.</param>
    /// <param name="filter">One area and/or category.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The groups ordered by area and category, and the notes.</returns>
    public async Task<(IReadOnlyList<PlanningGroup> Groups, IReadOnlyList<string> Notes)> GroupsAsync(
        DateOnly date, PlanningRules rules, PlanningRequest filter, CancellationToken cancellationToken)
    {
        var (groups, _, notes) = await CollectAsync(date, rules, filter, cancellationToken);
        return (groups, notes);
    }

    /// <summary>
    /// Why <paramref name="date"/> cannot be planned under the profile (Chinese and English), or null when it can: the
    /// day must lie in the profile's validity (<see cref="PolicyProfile.ValidFrom"/>..<see cref="PolicyProfile.ValidTo"/>;
    /// Wenzhou 2015: 2015-10-15..2016-12-31), because the plan uses the profile's rules of that day.
    /// </summary>
    /// <param name="date">The business day asked for.</param>
    /// <returns>The reason, or null.</returns>
    public LocalizedText? DateProblem(DateOnly date)
    {
        var period = new DatePeriod(profile.ValidFrom, profile.ValidTo);
        if (period.Contains(date))
        {
            return null;
        }

        var to = profile.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var from = profile.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new LocalizedText(
            $"{day} 不在政策配置 {profile.Id} {profile.Version} 的有效期 {from} 至 {to ?? "今后"} 内：请选择有效期内的日期，或换用适用于该日的配置",
            $"{day} is outside the validity of the policy profile {profile.Id} {profile.Version} ({from} to {to ?? "open end"}): choose a day within it, or use a profile that applies to that day");
    }


    private async Task<(List<PlanningGroup> Groups, List<(PlanningGroup Group, string Reason)> Unplannable, List<string> Notes)> CollectAsync(
        DateOnly date, PlanningRules rules, PlanningRequest filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A retired site, vehicle or facility is not planned on a day it is not in service for (docs/registry.md, "Retiring").
        var sites = (await db.Sites.AsNoTracking().Include(s => s.Bins).ToListAsync(cancellationToken))
            .Where(s => RetirementRule.InServiceOn(s.RetiredAt, date)).ToList();
        var vehicles = (await db.Vehicles.AsNoTracking().Where(v => v.DedicatedCategory != null).ToListAsync(cancellationToken))
            .Where(v => RetirementRule.InServiceOn(v.RetiredAt, date)).ToList();
        var facilities = (await db.Facilities.AsNoTracking().ToListAsync(cancellationToken))
            .Where(f => RetirementRule.InServiceOn(f.RetiredAt, date)).ToList();
        var illustrativeSites = sites.Where(s => s.IsIllustrative).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var sitesByArea = sites.GroupBy(AreaOf).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var groups = new List<PlanningGroup>();
        var unplannable = new List<(PlanningGroup, string)>();
        var notes = new List<string>();
        var areas = sitesByArea.Keys.Union(vehicles.Select(v => v.AreaCode)).Order(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            var areaSites = sitesByArea.GetValueOrDefault(area) ?? [];
            foreach (var rule in rules.Categories.OrderBy(c => c.Category))
            {
                if (!filter.Admits(area, rule.Category))
                {
                    continue;
                }

                var due = DueSiteSelector.Select(areaSites, rules, rule, date, AreaOf);
                var fleet = vehicles.Where(v => v.AreaCode == area && v.DedicatedCategory == rule.Category).ToList();
                var accepting = facilities
                    .Where(f => f.AcceptedCategories.Contains(rule.Category) && rule.Streams.All(f.AcceptedStreams.Contains))
                    .OrderBy(f => f.Code, StringComparer.Ordinal)
                    .ToList();
                string? cannot = null;
                if (fleet.Count == 0)
                {
                    if (due.Count == 0)
                    {
                        continue;
                    }

                    cannot = UnservedReason.NoVehicle(rule.Category);
                    notes.Add($"{area}: {due.Count} site(s) are due for {rule.Category} but {cannot}; not planned.");
                }
                else if (accepting.Count == 0)
                {
                    cannot = UnservedReason.NoFacility(rule.Category, rule.Streams);
                    notes.Add($"{area}: {cannot}; not planned.");
                    if (due.Count == 0)
                    {
                        continue;
                    }
                }

                var districtCode = fleet.Count > 0 ? fleet[0].DistrictCode : areaSites.Select(s => s.DistrictCode).FirstOrDefault() ?? area;
                if (cannot is not null)
                {
                    // Stored as a plan without trips, every due site unserved with the reason (issue 10 defect 6).
                    unplannable.Add((new PlanningGroup(date, area, districtCode, rule.Category, rules, profile.Id, profile.Version, fleet,
                        DepotOf(area, areaSites, facilities), accepting, due), cannot));
                    continue;
                }

                groups.Add(new PlanningGroup(date, area, districtCode, rule.Category, rules, profile.Id, profile.Version, fleet,
                    DepotOf(area, areaSites, facilities), accepting, due)
                {
                    MealBreak = profile.Settings.MealBreak?.Value,
                    IncludesIllustrative = fleet.Any(v => v.IsIllustrative) || due.Any(d => illustrativeSites.Contains(d.SiteCode)),
                });
            }
        }

        return (groups, unplannable, notes);
    }

    /// <summary>The planning area of <paramref name="site"/>: the first profile area containing its street, else its district.</summary>
    /// <param name="site">A site.</param>
    /// <returns>An area id or a district code.</returns>
    public string AreaOf(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var area = profile.Areas.FirstOrDefault(a => a.ContainsStreet(site.StreetCode, null));
        return area?.Id ?? site.DistrictCode;
    }

    private static PlanningDepot DepotOf(string area, List<Site> sites, List<Registry.Facility> facilities)
    {
        if (sites.Count == 0)
        {
            var any = facilities.Where(f => f.Kind == FacilityKind.TransferStation).OrderBy(f => f.Code, StringComparer.Ordinal).FirstOrDefault();
            return any is null
                ? new PlanningDepot($"{area} (no sites, no transfer station)", new GeoPoint(0, 0))
                : new PlanningDepot($"{any.Name} ({any.Code})", new GeoPoint(any.Longitude, any.Latitude));
        }

        var centre = new GeoPoint(sites.Average(s => s.Longitude), sites.Average(s => s.Latitude));
        var station = facilities
            .Where(f => f.Kind == FacilityKind.TransferStation)
            .OrderBy(f => centre.GreatCircleMetresTo(new GeoPoint(f.Longitude, f.Latitude)))
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        return station is null
            ? new PlanningDepot(string.Create(CultureInfo.InvariantCulture, $"{area} centre of sites"), centre)
            : new PlanningDepot($"{station.Name} ({station.Code})", new GeoPoint(station.Longitude, station.Latitude));
    }

    private async Task StoreAsync(DateOnly date, PlanningRequest filter, List<DailyPlan> plans, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.DailyPlans
            .Where(p => p.Date == date)
            .Include(p => p.Trips).ThenInclude(t => t.Stops)
            .Include(p => p.Unserved)
            .ToListAsync(cancellationToken);
        db.DailyPlans.RemoveRange(existing.Where(p => filter.Admits(p.AreaCode, p.Category)));
        await db.SaveChangesAsync(cancellationToken);
        db.DailyPlans.AddRange(plans);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
