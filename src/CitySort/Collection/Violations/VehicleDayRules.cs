using System.Globalization;
using CitySort.Planning;

namespace CitySort.Collection.Violations;

/// <summary>
/// The violation rules over one vehicle's day (DESIGN.md "Rules are pure functions over immutable inputs": no I/O, no
/// clock). Events are read in device-time order (ties: pickups before tickets, then by device id and event id), so the
/// same events give the same findings with the same keys in any arrival order.
/// </summary>
public static class VehicleDayRules
{
    /// <summary>Evaluates the kinds in <paramref name="kinds"/> (default: every vehicle-day kind) over <paramref name="input"/>.</summary>
    /// <param name="input">The vehicle's day.</param>
    /// <param name="kinds">Which kinds to evaluate; kinds that are not vehicle-day kinds are ignored.</param>
    /// <returns>The findings, ordered by kind, then by their first evidence's time.</returns>
    public static IReadOnlyList<ViolationFinding> Evaluate(VehicleDayInput input, IReadOnlySet<ViolationKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        kinds ??= ViolationKinds.VehicleDay;
        var day = Day.Of(input);
        var findings = new List<ViolationFinding>();
        if (kinds.Contains(ViolationKind.MixedDedicatedVehicle))
        {
            findings.AddRange(MixedDedicated(day));
        }

        if (kinds.Contains(ViolationKind.MixedTrip))
        {
            findings.AddRange(MixedTrips(day));
        }

        if (kinds.Contains(ViolationKind.MixedAtFacility))
        {
            findings.AddRange(MixedAtFacility(day));
        }

        if (kinds.Contains(ViolationKind.UnsealedVehicle))
        {
            findings.AddRange(Unsealed(day));
        }

        if (kinds.Contains(ViolationKind.MissedPickup))
        {
            findings.AddRange(Missed(day));
        }

        if (kinds.Contains(ViolationKind.OffPlannedLine))
        {
            findings.AddRange(OffLine(day));
        }

        return findings;
    }

    /// <summary>W96-K5: each pickup of a class other than the vehicle's dedicated one, when either may not be mixed.</summary>
    private static IEnumerable<ViolationFinding> MixedDedicated(Day d)
    {
        var v = d.Input.Vehicle;
        if (v.DedicatedCategory is null && v.DedicatedStream is null)
        {
            yield break;
        }

        var dedicated = new WasteLoad(v.DedicatedCategory, v.DedicatedCategory is null ? v.DedicatedStream : null);
        var dedicatedClass = d.Rules.ClassOf(dedicated);
        foreach (var p in d.Pickups)
        {
            var load = WasteLoad.Of(p);
            if (d.Rules.ClassOf(load) == dedicatedClass || !(d.Rules.IsMixingForbidden(load) || d.Rules.IsMixingForbidden(dedicated)))
            {
                continue;
            }

            yield return d.Finding(
                ViolationKind.MixedDedicatedVehicle,
                p.SiteCode,
                null,
                $"Vehicle {v.Plate}, dedicated to {dedicated.NameEn}, picked up {load.NameEn} at site {p.SiteCode} at {Clock(p.DeviceTime)} (W96-K5: sorted waste must not be mixed in the truck).",
                $"{dedicated.NameZh}专用车辆{v.Plate}于{Clock(p.DeviceTime)}在点位{p.SiteCode}收运了{load.NameZh}（W96-K5：严禁分类投放后再混合收运）。",
                EvidenceRef.Of(p).Key,
                [p]);
        }
    }

    /// <summary>W96-K5: each trip (pickups up to and including a ticket's time out, or the open last trip) whose pickups span classes.</summary>
    private static IEnumerable<ViolationFinding> MixedTrips(Day d)
    {
        var number = 0;
        foreach (var (pickups, ticket) in d.Trips())
        {
            number++;
            var classes = pickups.Select(p => d.Rules.ClassOf(WasteLoad.Of(p))).Distinct().ToList();
            if (classes.Count < 2 || !pickups.Any(p => d.Rules.IsMixingForbidden(WasteLoad.Of(p))))
            {
                continue;
            }

            var counts = classes.Select(c => (Load: c, Count: pickups.Count(p => d.Rules.ClassOf(WasteLoad.Of(p)) == c))).ToList();
            var en = string.Join(", ", counts.Select(c => $"{c.Load.NameEn} ×{c.Count}"));
            var zh = string.Join("、", counts.Select(c => $"{c.Load.NameZh}{c.Count}次"));
            var until = ticket is null ? "still loaded" : $"weighed at {ticket.FacilityCode} at {Clock(ticket.DeviceTime)}";
            var untilZh = ticket is null ? "尚未过磅" : $"于{Clock(ticket.DeviceTime)}在{ticket.FacilityCode}过磅";
            var evidence = new List<CollectionEvent>(pickups);
            if (ticket is not null)
            {
                evidence.Add(ticket);
            }

            yield return d.Finding(
                ViolationKind.MixedTrip,
                null,
                ticket?.FacilityCode,
                $"Trip {number} of vehicle {d.Input.Vehicle.Plate} ({Clock(pickups[0].DeviceTime)}–{Clock(pickups[^1].DeviceTime)}, {until}) carried different categories together: {en} (W96-K5: sorted waste must not be mixed in the truck).",
                $"车辆{d.Input.Vehicle.Plate}第{number}趟（{Clock(pickups[0].DeviceTime)}–{Clock(pickups[^1].DeviceTime)}，{untilZh}）混装了不同类别：{zh}（W96-K5：严禁分类投放后再混合收运）。",
                EvidenceRef.Of(pickups[0]).Key,
                evidence);
        }
    }

    /// <summary>W96-K5: each ticket at a facility that does not accept its declared category or stream.</summary>
    private static IEnumerable<ViolationFinding> MixedAtFacility(Day d)
    {
        foreach (var t in d.Tickets)
        {
            if (!d.Input.Facilities.TryGetValue(t.FacilityCode, out var facility))
            {
                continue;
            }

            var load = WasteLoad.Of(t);
            if (facility.Accepts(t.DeclaredCategory, t.DeclaredStream))
            {
                continue;
            }

            yield return d.Finding(
                ViolationKind.MixedAtFacility,
                null,
                t.FacilityCode,
                $"Vehicle {t.VehiclePlate} delivered {t.NetKg.ToString("0.##", CultureInfo.InvariantCulture)} kg declared as {load.NameEn} to facility {t.FacilityCode}, which does not accept {load.NameEn} (ticket {t.EventId}, out at {Clock(t.DeviceTime)}; W96-K5: sorted waste is treated sorted).",
                $"车辆{t.VehiclePlate}将申报为{load.NameZh}的{t.NetKg.ToString("0.##", CultureInfo.InvariantCulture)}公斤送往不接收{load.NameZh}的设施{t.FacilityCode}（过磅单{t.EventId}，{Clock(t.DeviceTime)}出场；W96-K5：分类处置）。",
                EvidenceRef.Of(t).Key,
                [t]);
        }
    }

    /// <summary>W96-K5 sealed transport: an unsealed vehicle on a sorted route (planned that day, running a dedicated line, or dedicated) collecting sorted waste.</summary>
    private static IEnumerable<ViolationFinding> Unsealed(Day d)
    {
        var v = d.Input.Vehicle;
        var onSortedRoute = d.Input.DayPlan is not null || d.Input.Line is not null || v.DedicatedCategory is not null || v.DedicatedStream is not null;
        if (v.Sealed || !onSortedRoute)
        {
            yield break;
        }

        var sorted = d.Pickups.Where(p => d.Rules.MustBeSealed(WasteLoad.Of(p))).ToList();
        if (sorted.Count == 0)
        {
            yield break;
        }

        var route = d.Input.DayPlan?.Name ?? d.Input.Line?.Name ?? "a dedicated vehicle";
        yield return d.Finding(
            ViolationKind.UnsealedVehicle,
            null,
            null,
            $"Vehicle {v.Plate} has no sealed body but collected sorted waste {sorted.Count} time(s) on its sorted route ({route}), first at site {sorted[0].SiteCode} at {Clock(sorted[0].DeviceTime)} (W96-K5: sealed transport).",
            $"非密闭车辆{v.Plate}在分类收运线路（{route}）上收运分类垃圾{sorted.Count}次，首次于{Clock(sorted[0].DeviceTime)}在点位{sorted[0].SiteCode}（W96-K5：密闭运输）。",
            EvidenceRef.Of(sorted[0]).Key,
            sorted);
    }

    /// <summary>W96-T3: each stop of the day's plan the vehicle did not pick up at during the business day.</summary>
    private static IEnumerable<ViolationFinding> Missed(Day d)
    {
        if (d.Input.DayPlan is not { IsDayPlan: true } plan)
        {
            yield break;
        }

        var visited = d.Pickups.Select(p => p.SiteCode).ToHashSet(StringComparer.Ordinal);
        CollectionEvent? last = d.Events.Count > 0 ? d.Events[^1] : null;
        foreach (var stop in plan.Stops)
        {
            if (visited.Contains(stop.SiteCode))
            {
                continue;
            }

            var planned = stop.ArrivesAt is { } t ? t.ToString("HH:mm", CultureInfo.InvariantCulture) : "-";
            var lastEn = last is null ? "the vehicle reported nothing that day" : $"its last report was at {Clock(last.DeviceTime)}";
            var lastZh = last is null ? "该车当日无任何上报" : $"最后一次上报于{Clock(last.DeviceTime)}";
            yield return d.Finding(
                ViolationKind.MissedPickup,
                stop.SiteCode,
                null,
                $"Vehicle {d.Input.Vehicle.Plate} did not pick up at site {stop.SiteCode} ({stop.SiteName}), stop {stop.Sequence} of trip {stop.Trip} of its {plan.Name}, planned at {planned}; {lastEn} (W96-T3: dedicated lines).",
                $"车辆{d.Input.Vehicle.Plate}未到点位{stop.SiteCode}（{stop.SiteName}）收运，该点为其{plan.Name}第{stop.Trip}趟第{stop.Sequence}站，计划{planned}到达；{lastZh}（W96-T3：分运专线）。",
                null,
                last is null ? [] : [last]);
        }
    }

    /// <summary>W96-R1: each run of consecutive fixes farther than the profile's distance from the planned path, lasting longer than its duration.</summary>
    private static IEnumerable<ViolationFinding> OffLine(Day d)
    {
        var route = d.Input.DayPlan ?? d.Input.Line;
        if (route is null || route.Path.Count == 0 || d.Rules.RouteChecks is not { } checks)
        {
            yield break;
        }

        var run = new List<(GpsFixEvent Fix, double Metres)>();
        foreach (var fix in d.Fixes.Append(null))
        {
            var metres = fix is null ? 0 : RouteGeometry.DistanceToPathMetres(new GeoPoint(fix.Point.Longitude, fix.Point.Latitude), route.Path);
            if (fix is not null && metres > checks.OffLineDistanceMetres)
            {
                run.Add((fix, metres));
                continue;
            }

            if (run.Count > 0 && (run[^1].Fix.DeviceTime - run[0].Fix.DeviceTime).TotalSeconds > checks.OffLineSeconds)
            {
                var first = run[0].Fix;
                var lastFix = run[^1].Fix;
                var far = run.MaxBy(r => r.Metres);
                var minutes = (lastFix.DeviceTime - first.DeviceTime).TotalMinutes;
                var evidence = new[] { first, far.Fix, lastFix }.Distinct().OrderBy(f => f.DeviceTime).ToList();
                var m = far.Metres.ToString("0", CultureInfo.InvariantCulture);
                var mins = minutes.ToString("0.#", CultureInfo.InvariantCulture);
                var limit = (checks.OffLineSeconds / 60.0).ToString("0.#", CultureInfo.InvariantCulture);
                yield return d.Finding(
                    ViolationKind.OffPlannedLine,
                    null,
                    null,
                    $"Vehicle {d.Input.Vehicle.Plate} was off its planned line ({route.Name}) from {Clock(first.DeviceTime)} to {Clock(lastFix.DeviceTime)} ({mins} min, up to {m} m away; the profile allows {checks.OffLineDistanceMetres} m for {limit} min) (W96-R1: sorted-transport routes).",
                    $"车辆{d.Input.Vehicle.Plate}于{Clock(first.DeviceTime)}至{Clock(lastFix.DeviceTime)}偏离计划线路（{route.Name}）{mins}分钟，最远{m}米（口径：超过{checks.OffLineDistanceMetres}米且超过{limit}分钟）（W96-R1：分类运输线路）。",
                    EvidenceRef.Of(first).Key,
                    evidence);
            }

            run.Clear();
        }
    }

    /// <summary>A local clock time HH:mm of <paramref name="t"/> in Asia/Shanghai.</summary>
    private static string Clock(DateTimeOffset t) => t.ToOffset(ViolationRules.BusinessDayOffset).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The vehicle's events of the day, sorted, split by kind.</summary>
    private sealed class Day
    {
        private Day(VehicleDayInput input, List<CollectionEvent> events)
        {
            Input = input;
            Events = events;
            Pickups = events.OfType<PickupEvent>().ToList();
            Tickets = events.OfType<WeighTicketEvent>().ToList();
            Fixes = events.OfType<GpsFixEvent>().ToList();
        }

        public VehicleDayInput Input { get; }

        public ViolationRules Rules => Input.Rules;

        public List<CollectionEvent> Events { get; }

        public List<PickupEvent> Pickups { get; }

        public List<WeighTicketEvent> Tickets { get; }

        public List<GpsFixEvent> Fixes { get; }

        public static Day Of(VehicleDayInput input)
        {
            var plate = input.Vehicle.Plate;
            var events = input.Events
                .Where(e => e.BusinessDay == input.BusinessDay && PlateOf(e) == plate)
                .OrderBy(e => e.DeviceTime)
                .ThenBy(e => e.Kind == EventKind.WeighTicket ? 1 : 0)
                .ThenBy(e => e.DeviceId, StringComparer.Ordinal)
                .ThenBy(e => e.EventId, StringComparer.Ordinal)
                .ToList();
            return new Day(input, events);
        }

        /// <summary>The trips: the pickups up to each ticket's time out (with that ticket), then the open trip's pickups (no ticket).</summary>
        public IEnumerable<(List<PickupEvent> Pickups, WeighTicketEvent? Ticket)> Trips()
        {
            var current = new List<PickupEvent>();
            foreach (var e in Events)
            {
                if (e is PickupEvent p)
                {
                    current.Add(p);
                }
                else if (e is WeighTicketEvent t)
                {
                    if (current.Count > 0)
                    {
                        yield return (current, t);
                    }

                    current = [];
                }
            }

            if (current.Count > 0)
            {
                yield return (current, null);
            }
        }

        public ViolationFinding Finding(
            ViolationKind kind, string? site, string? facility, string en, string zh, EventKey? anchor, IReadOnlyList<CollectionEvent> evidence) =>
            new(
                kind,
                Input.BusinessDay,
                Input.Vehicle.Plate,
                site,
                facility,
                Input.Vehicle.DistrictCode,
                en,
                zh,
                anchor,
                evidence.Select(EvidenceRef.Of).ToList(),
                Input.Vehicle.IsIllustrative || evidence.Any(e => e.IsIllustrative));

        private static string? PlateOf(CollectionEvent e) => e switch
        {
            PickupEvent p => p.VehiclePlate,
            WeighTicketEvent t => t.VehiclePlate,
            GpsFixEvent g => g.VehiclePlate,
            _ => null,
        };
    }
}
