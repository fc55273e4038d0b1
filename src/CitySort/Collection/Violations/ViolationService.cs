using CitySort.Planning;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Security;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Collection.Violations;

/// <summary>
/// Finds, stores and reviews violations. It reads a vehicle's day of events through <see cref="ICollectionEventReader"/>,
/// the registry and the day's stored plans through EF Core, runs the pure rules (<see cref="VehicleDayRules"/>,
/// <see cref="SameDayClearanceRule"/>) and upserts the findings by their key: a new key is added as
/// <see cref="ViolationStatus.Open"/>; a known key gets the new description and evidence and keeps its status and
/// review; an open violation of the evaluated scope that the rules no longer find is removed; a reviewed one stays as
/// reviewed. Evaluations of one service instance run one at a time.
/// </summary>
public sealed class ViolationService
{
    /// <summary>The most characters of a reviewer's name.</summary>
    public const int MaxReviewerLength = 200;

    /// <summary>The most characters of a review reason.</summary>
    public const int MaxReasonLength = 2000;

    private readonly IDbContextFactory<CitySortDbContext> contexts;
    private readonly ICollectionEventReader events;
    private readonly PolicyProfile profile;
    private readonly TimeProvider time;
    private readonly ViolationRules rules;
    private static readonly IReadOnlySet<ViolationKind> OffPlannedLineOnly = new HashSet<ViolationKind> { ViolationKind.OffPlannedLine };

    /// <summary>The vehicle-day kinds whose findings GPS fixes can change once the clearance time has passed.</summary>
    private static readonly IReadOnlySet<ViolationKind> FixReadingKinds = new HashSet<ViolationKind> { ViolationKind.OffPlannedLine, ViolationKind.MissedPickup };
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Creates the service.</summary>
    /// <param name="contexts">The database.</param>
    /// <param name="events">The event store's reader.</param>
    /// <param name="profile">The policy profile (collection modes, <c>planning</c>, <c>routeChecks</c>).</param>
    /// <param name="time">The clock (review times, whether a day is over).</param>
    public ViolationService(IDbContextFactory<CitySortDbContext> contexts, ICollectionEventReader events, PolicyProfile profile, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(time);
        this.contexts = contexts;
        this.events = events;
        this.profile = profile;
        this.time = time;
        rules = ViolationRules.From(profile);
    }

    /// <summary>The rules' figures read from the profile.</summary>
    public ViolationRules Rules => rules;

    /// <summary>
    /// Re-evaluates what a committed batch touched: every (vehicle, business day) of its accepted pickups, fixes and
    /// tickets for the live kinds, and for missed pickups too when that day's clearance time has passed; and, when
    /// the batch brought pickups of a same-day-clearance category for a day whose clearance time has passed, that
    /// day's clearance (a late-arriving pickup can clear a site).
    /// </summary>
    /// <param name="batch">The committed batch.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>A task that completes when the violations are stored.</returns>
    public async Task EvaluateBatchAsync(CommittedBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var vehicleDays = new SortedSet<(string Plate, DateOnly Day)>();
        var withOtherThanFixes = new HashSet<(string Plate, DateOnly Day)>();
        var clearanceDays = new SortedSet<DateOnly>();
        foreach (var e in batch.Accepted)
        {
            var plate = e switch
            {
                PickupEvent p => p.VehiclePlate,
                GpsFixEvent g => g.VehiclePlate,
                WeighTicketEvent t => t.VehiclePlate,
                _ => null,
            };
            if (plate is not null)
            {
                vehicleDays.Add((plate, e.BusinessDay));
                if (e is not GpsFixEvent)
                {
                    withOtherThanFixes.Add((plate, e.BusinessDay));
                }
            }

            if (e is PickupEvent { Category: { } c } && rules.SameDayClearanceCategories.Contains(c) && IsPast(rules.ClearanceInstant(e.BusinessDay)))
            {
                clearanceDays.Add(e.BusinessDay);
            }
        }

        // Of the vehicle-day kinds only two read GPS fixes: the off-line check, and (once the day's clearance time has
        // passed) the missed pickups, whose finding names the vehicle's last report. New fixes alone cannot change the
        // others' findings, so a vehicle-day touched by fixes only is evaluated for those two again, and only for the
        // vehicles that can have such a finding that day (planned, on a dedicated line, or with one stored), found
        // set-wise (docs/violations.md). Either check finds nothing without a plan or line, and removes nothing when none is stored.
        var fixesOnly = vehicleDays.Where(vd => !withOtherThanFixes.Contains(vd)).ToList();
        var fixCandidates = new HashSet<(string Plate, DateOnly Day)>();
        foreach (var byDay in fixesOnly.GroupBy(vd => vd.Day))
        {
            var past = IsPast(rules.ClearanceInstant(byDay.Key));
            foreach (var plate in await FixCheckCandidatesAsync(byDay.Key, byDay.Select(vd => vd.Plate).ToList(), past, cancellationToken))
            {
                fixCandidates.Add((plate, byDay.Key));
            }
        }

        var skipped = fixesOnly.Where(vd => !fixCandidates.Contains(vd)).ToHashSet();
        foreach (var (plate, day) in vehicleDays)
        {
            if (skipped.Contains((plate, day)))
            {
                continue;
            }

            var past = IsPast(rules.ClearanceInstant(day));
            var kinds = withOtherThanFixes.Contains((plate, day))
                ? (past ? ViolationKinds.VehicleDay : ViolationKinds.Live)
                : (past ? FixReadingKinds : OffPlannedLineOnly);
            await EvaluateVehicleDayAsync(plate, day, kinds, cancellationToken);
        }

        foreach (var day in clearanceDays)
        {
            var pickups = (await events.ReadDayAsync(day, EventKind.Pickup, cancellationToken)).OfType<PickupEvent>().ToList();
            await EvaluateClearanceAsync(day, pickups, cancellationToken);
        }
    }

    /// <summary>Evaluates one vehicle's day for <paramref name="kinds"/> and stores the result.</summary>
    /// <param name="plate">The vehicle's plate; an unknown plate finds nothing.</param>
    /// <param name="day">The business day.</param>
    /// <param name="kinds">The kinds to evaluate (vehicle-day kinds only).</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The findings of this evaluation.</returns>
    public async Task<IReadOnlyList<ViolationFinding>> EvaluateVehicleDayAsync(string plate, DateOnly day, IReadOnlySet<ViolationKind> kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plate);
        ArgumentNullException.ThrowIfNull(kinds);

        // The off-line check alone needs the day's events only when the vehicle has a planned route that day.
        var onlyOffLine = kinds.All(k => k == ViolationKind.OffPlannedLine);
        var dayEvents = onlyOffLine ? null : await events.ReadVehicleDayAsync(plate, day, cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var vehicle = await db.Vehicles.AsNoTracking().FirstOrDefaultAsync(v => v.Plate == plate, cancellationToken);
            if (vehicle is null)
            {
                return [];
            }

            var input = await VehicleDayInputAsync(db, VehicleRuleFacts.Of(vehicle), day, dayEvents ?? [], cancellationToken);
            if (dayEvents is null && (input.DayPlan ?? input.Line) is not null)
            {
                input = input with { Events = await events.ReadVehicleDayAsync(plate, day, cancellationToken) };
            }

            var findings = VehicleDayRules.Evaluate(input, kinds);
            var scope = kinds.Where(ViolationKinds.VehicleDay.Contains).ToList();
            await UpsertAsync(db, findings, db.Violations.Where(v => v.BusinessDay == day && v.VehiclePlate == plate && scope.Contains(v.Kind)), cancellationToken);
            return findings;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The day-end evaluation of <paramref name="day"/>: every vehicle that picked up, was planned or runs a dedicated
    /// line, for every vehicle-day kind, and the day's same-day clearance. A day with no pickup at all is not judged
    /// for the day-end kinds (the collection chain reported nothing, which is missing data, not failure).
    /// </summary>
    /// <param name="day">The business day.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>What was evaluated and the day's counts afterwards.</returns>
    public async Task<DayEvaluation> EvaluateDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var pickups = (await events.ReadDayAsync(day, EventKind.Pickup, cancellationToken)).OfType<PickupEvent>().ToList();
        var judged = pickups.Count > 0;
        var plates = new SortedSet<string>(pickups.Select(p => p.VehiclePlate), StringComparer.Ordinal);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            plates.UnionWith(await db.PlannedTrips.AsNoTracking()
                .Where(t => db.DailyPlans.Any(p => p.Id == t.DailyPlanId && p.Date == day))
                .Select(t => t.VehiclePlate).Distinct().ToListAsync(cancellationToken));
            plates.UnionWith(await db.DedicatedLines.AsNoTracking().Where(l => l.VehiclePlate != null).Select(l => l.VehiclePlate!).ToListAsync(cancellationToken));
        }

        var vehicleCount = 0;
        foreach (var plate in plates)
        {
            var kinds = judged ? ViolationKinds.VehicleDay : ViolationKinds.Live;
            await EvaluateVehicleDayAsync(plate, day, kinds, cancellationToken);
            vehicleCount++;
        }

        var dueCount = judged ? await EvaluateClearanceAsync(day, pickups, cancellationToken) : 0;
        await using var read = await contexts.CreateDbContextAsync(cancellationToken);
        var ofDay = read.Violations.AsNoTracking().Where(v => v.BusinessDay == day);
        return new DayEvaluation(day, judged, vehicleCount, dueCount, await ofDay.CountAsync(v => v.Status == ViolationStatus.Open, cancellationToken), await ofDay.CountAsync(cancellationToken));
    }

    /// <summary>The stored violations matching <paramref name="query"/>, newest day first, then by id, with their evidence.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The violations.</returns>
    public Task<IReadOnlyList<Violation>> ListAsync(ViolationQuery query, CancellationToken cancellationToken) =>
        ListAsync(AccessScope.City, query, cancellationToken);

    /// <summary>The stored violations matching <paramref name="query"/> within <paramref name="scope"/>, newest day first, then by id.</summary>
    /// <param name="scope">The reader's scope (a district officer: the violations of the officer's districts).</param>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The violations.</returns>
    public async Task<IReadOnlyList<Violation>> ListAsync(AccessScope scope, ViolationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var q = db.Violations.AsNoTracking().InScope(scope, db.Vehicles).Include(v => v.Evidence).AsQueryable();
        if (query.From is { } from)
        {
            q = q.Where(v => v.BusinessDay >= from);
        }

        if (query.To is { } to)
        {
            q = q.Where(v => v.BusinessDay <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.District))
        {
            var district = query.District.Trim();
            q = q.Where(v => v.DistrictCode == district);
        }

        if (query.Kind is { } kind)
        {
            q = q.Where(v => v.Kind == kind);
        }

        if (query.Status is { } status)
        {
            q = q.Where(v => v.Status == status);
        }

        var list = await q.OrderByDescending(v => v.BusinessDay).ThenBy(v => v.Id).AsSplitQuery().ToListAsync(cancellationToken);
        foreach (var v in list)
        {
            v.Evidence = v.Evidence.OrderBy(x => x.Ordinal).ToList();
        }

        return list;
    }

    /// <summary>One stored violation with its evidence, or null.</summary>
    /// <param name="id">The violation's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The violation or null.</returns>
    public Task<Violation?> GetAsync(int id, CancellationToken cancellationToken) => GetAsync(AccessScope.City, id, cancellationToken);

    /// <summary>One stored violation within <paramref name="scope"/> with its evidence, or null (also when it lies outside the scope).</summary>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="id">The violation's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The violation or null.</returns>
    public async Task<Violation?> GetAsync(AccessScope scope, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var v = await db.Violations.AsNoTracking().InScope(scope, db.Vehicles).Include(x => x.Evidence).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (v is not null)
        {
            v.Evidence = v.Evidence.OrderBy(x => x.Ordinal).ToList();
        }

        return v;
    }

    /// <summary>The evidence events of <paramref name="violation"/> in full, read from the event store.</summary>
    /// <param name="violation">A stored violation.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events found, in device-time order.</returns>
    public Task<IReadOnlyList<CollectionEvent>> EvidenceEventsAsync(Violation violation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return events.ReadByIdsAsync(violation.Evidence.Select(e => new EventKey(e.DeviceId, e.EventId)).ToList(), cancellationToken);
    }

    /// <summary>
    /// Confirms or dismisses a violation, recording who (the name as given) and when (the clock, UTC) and the reason.
    /// A reviewed violation may be reviewed again (the latest review stands).
    /// </summary>
    /// <param name="id">The violation's id.</param>
    /// <param name="confirm">True to confirm, false to dismiss.</param>
    /// <param name="reviewer">The reviewer's name; required, at most <see cref="MaxReviewerLength"/> characters.</param>
    /// <param name="reason">The reason; required to dismiss, at most <see cref="MaxReasonLength"/> characters.</param>
    /// <param name="cancellationToken">Cancels the review.</param>
    /// <returns>The outcome and the reviewed violation.</returns>
    public Task<ReviewResult> ReviewAsync(int id, bool confirm, string? reviewer, string? reason, CancellationToken cancellationToken) =>
        ReviewAsync(AccessScope.City, id, confirm, reviewer, reason, cancellationToken);

    /// <summary>
    /// Confirms or dismisses a violation within <paramref name="scope"/>: one outside it (another district's) is not
    /// found, so a district officer reviews only the officer's own districts' violations.
    /// </summary>
    /// <param name="scope">The reviewer's scope.</param>
    /// <param name="id">The violation's id.</param>
    /// <param name="confirm">True to confirm, false to dismiss.</param>
    /// <param name="reviewer">The reviewer's name; required, at most <see cref="MaxReviewerLength"/> characters.</param>
    /// <param name="reason">The reason; required to dismiss, at most <see cref="MaxReasonLength"/> characters.</param>
    /// <param name="cancellationToken">Cancels the review.</param>
    /// <returns>The outcome and the reviewed violation.</returns>
    public async Task<ReviewResult> ReviewAsync(AccessScope scope, int id, bool confirm, string? reviewer, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        reviewer = reviewer?.Trim();
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (string.IsNullOrEmpty(reviewer))
        {
            return new ReviewResult(ReviewOutcome.Invalid, null, "Give the reviewer's name in 'reviewer'.", "请在“reviewer”中填写审核人姓名。");
        }

        if (reviewer.Length > MaxReviewerLength)
        {
            return new ReviewResult(ReviewOutcome.Invalid, null, $"The reviewer's name has {reviewer.Length} characters; at most {MaxReviewerLength} are allowed.", $"审核人姓名有{reviewer.Length}个字符，最多允许{MaxReviewerLength}个。");
        }

        if (!confirm && reason is null)
        {
            return new ReviewResult(ReviewOutcome.Invalid, null, "A dismissal needs a reason: say in 'reason' why this is not a violation.", "驳回须说明理由：请在“reason”中说明为何不构成违规。");
        }

        if (reason is not null && reason.Length > MaxReasonLength)
        {
            return new ReviewResult(ReviewOutcome.Invalid, null, $"The reason has {reason.Length} characters; at most {MaxReasonLength} are allowed.", $"理由有{reason.Length}个字符，最多允许{MaxReasonLength}个。");
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var v = await db.Violations.InScope(scope, db.Vehicles).Include(x => x.Evidence).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
            if (v is null)
            {
                return new ReviewResult(ReviewOutcome.NotFound, null, $"There is no violation {id}.", $"不存在编号为{id}的违规记录。");
            }

            v.Status = confirm ? ViolationStatus.Confirmed : ViolationStatus.Dismissed;
            v.ReviewedBy = reviewer;
            v.ReviewedAt = time.GetUtcNow().ToUniversalTime();
            v.ReviewReason = reason;
            await db.SaveChangesAsync(cancellationToken);
            v.Evidence = v.Evidence.OrderBy(x => x.Ordinal).ToList();
            return new ReviewResult(ReviewOutcome.Recorded, v);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The sites due on <paramref name="day"/> for each same-day-clearance category, by the planning setting's rounds (docs/planning.md).</summary>
    /// <param name="sites">The registry's sites with their bins.</param>
    /// <param name="day">The business day.</param>
    /// <returns>The due sites.</returns>
    public IReadOnlyList<DueSiteFacts> DueSites(IReadOnlyList<Site> sites, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (profile.Settings.Planning?.Value is not { } planning)
        {
            return [];
        }

        var byCode = sites.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var due = new List<DueSiteFacts>();
        foreach (var category in rules.SameDayClearanceCategories.Order())
        {
            if (planning.For(category) is not { } rule)
            {
                continue;
            }

            foreach (var d in DueSiteSelector.Select(sites, planning, rule, day, s => s.DistrictCode))
            {
                var site = byCode[d.SiteCode];
                due.Add(new DueSiteFacts(site.Code, site.Name, site.DistrictCode, category, string.Equals(site.Source, "demo", StringComparison.Ordinal)));
            }
        }

        return due;
    }

    private async Task<int> EvaluateClearanceAsync(DateOnly day, IReadOnlyList<PickupEvent> pickups, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // A site retired by the day's end is not required that day (docs/registry.md, "Retiring").
            var sites = (await db.Sites.AsNoTracking().Include(s => s.Bins).ToListAsync(cancellationToken))
                .Where(s => RetirementRule.InServiceOn(s.RetiredAt, day)).ToList();
            var due = DueSites(sites, day);
            var findings = SameDayClearanceRule.Evaluate(new SameDayClearanceInput(day, due, pickups, rules));
            await UpsertAsync(db, findings, db.Violations.Where(v => v.BusinessDay == day && v.Kind == ViolationKind.NotClearedSameDay), cancellationToken);
            return due.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Those of <paramref name="plates"/> that can have a finding on <paramref name="day"/> that GPS fixes change: in a
    /// daily plan of the day, running a dedicated line, or with an off-line finding stored for the day (or, when
    /// <paramref name="pastClearance"/>, a missed-pickup finding), which a new evaluation may remove. For any other plate
    /// the off-line and missed-pickup checks find nothing and have nothing to remove.
    /// </summary>
    private async Task<HashSet<string>> FixCheckCandidatesAsync(DateOnly day, List<string> plates, bool pastClearance, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        found.UnionWith(await db.PlannedTrips.AsNoTracking()
            .Where(t => plates.Contains(t.VehiclePlate) && db.DailyPlans.Any(p => p.Id == t.DailyPlanId && p.Date == day))
            .Select(t => t.VehiclePlate).Distinct().ToListAsync(cancellationToken));
        found.UnionWith(await db.DedicatedLines.AsNoTracking()
            .Where(l => l.VehiclePlate != null && plates.Contains(l.VehiclePlate))
            .Select(l => l.VehiclePlate!).ToListAsync(cancellationToken));
        found.UnionWith(await db.Violations.AsNoTracking()
            .Where(v => v.BusinessDay == day && v.VehiclePlate != null && plates.Contains(v.VehiclePlate)
                && (v.Kind == ViolationKind.OffPlannedLine || (pastClearance && v.Kind == ViolationKind.MissedPickup)))
            .Select(v => v.VehiclePlate!).ToListAsync(cancellationToken));
        return found;
    }

    private async Task<VehicleDayInput> VehicleDayInputAsync(
        CitySortDbContext db, VehicleRuleFacts vehicle, DateOnly day, IReadOnlyList<CollectionEvent> dayEvents, CancellationToken cancellationToken)
    {
        var facilities = await db.Facilities.AsNoTracking().ToListAsync(cancellationToken);
        var plate = vehicle.Plate;
        var plan = await db.DailyPlans.AsNoTracking()
            .Where(p => p.Date == day && p.Trips.Any(t => t.VehiclePlate == plate))
            .Include(p => p.Trips).ThenInclude(t => t.Stops)
            .AsSplitQuery()
            .OrderBy(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        PlannedRoute? line = null;
        var registryLine = await db.DedicatedLines.AsNoTracking().Include(l => l.Stops)
            .Where(l => l.VehiclePlate == plate).OrderBy(l => l.Code).FirstOrDefaultAsync(cancellationToken);
        if (registryLine is not null)
        {
            var codes = registryLine.Stops.Select(s => s.SiteCode).ToList();
            var sites = await db.Sites.AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken);
            line = PlannedRoute.FromLine(registryLine, sites, facilities.FirstOrDefault(f => f.Code == registryLine.FacilityCode));
        }

        return new VehicleDayInput(
            day,
            vehicle,
            dayEvents,
            facilities.ToDictionary(f => f.Code, FacilityRuleFacts.Of, StringComparer.Ordinal),
            plan is null ? null : PlannedRoute.FromDailyPlan(plan, plate),
            line,
            rules);
    }

    private async Task UpsertAsync(CitySortDbContext db, IReadOnlyList<ViolationFinding> findings, IQueryable<Violation> scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        var existing = await scope.Include(v => v.Evidence).ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(v => v.Key, StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (!keys.Add(f.Key))
            {
                continue;
            }

            if (!byKey.TryGetValue(f.Key, out var v))
            {
                // The key may exist outside the scope queried (another kind set never holds it, but be exact).
                v = await db.Violations.Include(x => x.Evidence).FirstOrDefaultAsync(x => x.Key == f.Key, cancellationToken);
                if (v is null)
                {
                    v = new Violation { Key = f.Key, ClauseId = f.ClauseId, Description = f.Description, DescriptionZh = f.DescriptionZh, DetectedAt = now };
                    db.Violations.Add(v);
                }
            }

            v.Kind = f.Kind;
            v.ClauseId = f.ClauseId;
            v.BusinessDay = f.BusinessDay;
            v.VehiclePlate = f.VehiclePlate;
            v.SiteCode = f.SiteCode;
            v.FacilityCode = f.FacilityCode;
            v.DistrictCode = f.DistrictCode;
            v.Description = f.Description;
            v.DescriptionZh = f.DescriptionZh;
            v.IsIllustrative = f.IsIllustrative;
            v.EvaluatedAt = now;
            v.ProfileId = profile.Id;
            v.ProfileVersion = profile.Version;
            // Evidence rows are updated in place by ordinal (their key), extra rows added, surplus rows removed.
            var rows = v.Evidence.OrderBy(x => x.Ordinal).ToList();
            for (var i = 0; i < f.Evidence.Count; i++)
            {
                var e = f.Evidence[i];
                if (i >= rows.Count)
                {
                    v.Evidence.Add(new ViolationEvidence { Ordinal = i, DeviceId = e.Key.DeviceId, EventId = e.Key.EventId, Kind = e.Kind, DeviceTime = e.DeviceTime.ToUniversalTime() });
                    continue;
                }

                rows[i].DeviceId = e.Key.DeviceId;
                rows[i].EventId = e.Key.EventId;
                rows[i].Kind = e.Kind;
                rows[i].DeviceTime = e.DeviceTime.ToUniversalTime();
            }

            foreach (var surplus in rows.Skip(f.Evidence.Count))
            {
                v.Evidence.Remove(surplus);
                db.ViolationEvidence.Remove(surplus);
            }
        }

        foreach (var stale in existing.Where(v => !keys.Contains(v.Key) && v.Status == ViolationStatus.Open))
        {
            db.Violations.Remove(stale);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private bool IsPast(DateTimeOffset instant) => time.GetUtcNow() >= instant;
}
