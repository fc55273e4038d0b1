using System.Globalization;

namespace CitySort.Collection;

/// <summary>
/// Checks a parsed event against its device, the registry snapshot, the profile's clauses and the clock
/// (docs/events.md, "Reason codes"). A pure function: everything it needs is passed in.
/// </summary>
public static class EventValidator
{
    private const double KmPerDegreeLatitude = 111.32;

    /// <summary>The first problem of <paramref name="e"/>, or null when it may be stored.</summary>
    /// <param name="e">The parsed event.</param>
    /// <param name="device">The sending device.</param>
    /// <param name="registry">The registry facts.</param>
    /// <param name="now">The server's time.</param>
    /// <param name="options">The plausibility limits.</param>
    /// <returns>The problem, or null.</returns>
    public static EventProblem? Validate(CollectionEvent e, DeviceIdentity device, RegistrySnapshot registry, DateTimeOffset now, CollectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        return DeviceRight(e, device)
            ?? Times(e, device, now, options)
            ?? e switch
            {
                PickupEvent p => Pickup(p, registry, options),
                GpsFixEvent g => Gps(g, registry, options),
                WeighTicketEvent t => Ticket(t, registry, options),
                InspectionFindingEvent f => Finding(f, registry),
                _ => null,
            };
    }

    private static EventProblem? DeviceRight(CollectionEvent e, DeviceIdentity device)
    {
        var allowed = device.Kind switch
        {
            DeviceKind.Vehicle => e.Kind is EventKind.Pickup or EventKind.GpsFix,
            DeviceKind.Weighbridge => e.Kind == EventKind.WeighTicket,
            DeviceKind.Inspector => e.Kind == EventKind.InspectionFinding,
            DeviceKind.Demo or DeviceKind.Office => true,
            _ => false,
        };
        if (!allowed)
        {
            var kind = EventJsonParser.WireName(e.Kind);
            return new EventProblem(
                ReasonCodes.NotDeviceKind,
                $"$: a {device.Kind} device may not report {kind} events",
                $"$：{DeviceKindZh(device.Kind)}设备无权上报 {kind} 事件");
        }

        if (device.Kind == DeviceKind.Vehicle)
        {
            var plate = e switch { PickupEvent p => p.VehiclePlate, GpsFixEvent g => g.VehiclePlate, _ => null };
            if (plate is not null && !string.Equals(plate, device.VehiclePlate, StringComparison.Ordinal))
            {
                return EventProblem.At(ReasonCodes.NotOwnPlate, "$.vehiclePlate",
                    $"device {device.DeviceId} belongs to vehicle {device.VehiclePlate ?? "(none)"} and may not report for {plate}",
                    $"设备 {device.DeviceId} 属于车辆 {device.VehiclePlate ?? "（无）"}，无权上报车辆 {plate} 的事件");
            }
        }

        if (device.Kind == DeviceKind.Weighbridge && e is WeighTicketEvent t && !string.Equals(t.FacilityCode, device.FacilityCode, StringComparison.Ordinal))
        {
            return EventProblem.At(ReasonCodes.NotOwnFacility, "$.facilityCode",
                $"device {device.DeviceId} is the weighbridge of {device.FacilityCode ?? "(none)"} and may not report tickets of {t.FacilityCode}",
                $"设备 {device.DeviceId} 是设施 {device.FacilityCode ?? "（无）"} 的地磅，无权上报设施 {t.FacilityCode} 的过磅单");
        }

        return null;
    }

    private static EventProblem? Times(CollectionEvent e, DeviceIdentity device, DateTimeOffset now, CollectionOptions options)
    {
        var times = e is WeighTicketEvent t
            ? new[] { ("$.timeIn", t.TimeIn), ("$.timeOut", t.TimeOut) }
            : new[] { ("$.deviceTime", e.DeviceTime) };
        foreach (var (path, time) in times)
        {
            if (time - now > options.FutureTolerance)
            {
                return EventProblem.At(ReasonCodes.FutureTime, path,
                    $"{time:O} is {Hours(time - now)} ahead of the server's clock ({now:O}); at most {options.FutureTolerance.TotalMinutes:0} minutes are allowed",
                    $"{time:O} 比服务器时钟（{now:O}）超前 {Hours(time - now)}，最多允许 {options.FutureTolerance.TotalMinutes:0} 分钟");
            }

            // A demo device replays an illustrative day of the demo city's own date (docs/events.md, "Times").
            if (!device.IsDemo && now - time > options.MaxEventAge)
            {
                return EventProblem.At(ReasonCodes.TooOld, path,
                    $"{time:O} is more than {options.MaxEventAge.TotalDays:0} days before the server's clock ({now:O})",
                    $"{time:O} 早于服务器时钟（{now:O}）{options.MaxEventAge.TotalDays:0} 天以上");
            }
        }

        if (e is WeighTicketEvent ticket && ticket.TimeOut < ticket.TimeIn)
        {
            return EventProblem.At(ReasonCodes.TimeOutBeforeIn, "$.timeOut",
                $"time out {ticket.TimeOut:O} is earlier than time in {ticket.TimeIn:O}",
                $"出场时间 {ticket.TimeOut:O} 早于进场时间 {ticket.TimeIn:O}");
        }

        return null;
    }

    private static EventProblem? Pickup(PickupEvent p, RegistrySnapshot registry, CollectionOptions options)
    {
        if (!registry.Vehicles.TryGetValue(p.VehiclePlate, out var vehicle))
        {
            return UnknownVehicle(p.VehiclePlate);
        }

        if (!registry.Sites.TryGetValue(p.SiteCode, out var site))
        {
            return UnknownSite(p.SiteCode);
        }

        if ((Retired("$.vehiclePlate", "vehicle", "车辆", p.VehiclePlate, vehicle.RetiredAt, p.DeviceTime)
            ?? Retired("$.siteCode", "site", "投放点", p.SiteCode, site.RetiredAt, p.DeviceTime)) is { } retired)
        {
            return retired;
        }

        if (p.BinId is { } bin && !site.BinIds.Contains(bin))
        {
            return EventProblem.At(ReasonCodes.UnknownBin, "$.binId", $"bin '{bin}' is not a bin of site {p.SiteCode}", $"桶“{bin}”不属于投放点 {p.SiteCode}");
        }

        return p.Point is { } point ? Outside(point, registry, options) : null;
    }

    private static EventProblem? Gps(GpsFixEvent g, RegistrySnapshot registry, CollectionOptions options) =>
        registry.Vehicles.TryGetValue(g.VehiclePlate, out var vehicle)
            ? Retired("$.vehiclePlate", "vehicle", "车辆", g.VehiclePlate, vehicle.RetiredAt, g.DeviceTime) ?? Outside(g.Point, registry, options)
            : UnknownVehicle(g.VehiclePlate);

    private static EventProblem? Ticket(WeighTicketEvent t, RegistrySnapshot registry, CollectionOptions options)
    {
        if (!registry.Facilities.TryGetValue(t.FacilityCode, out var facility))
        {
            return EventProblem.At(ReasonCodes.UnknownFacility, "$.facilityCode", $"no facility '{t.FacilityCode}' in the registry", $"登记册中没有设施“{t.FacilityCode}”");
        }

        if (!registry.Vehicles.TryGetValue(t.VehiclePlate, out var vehicle))
        {
            return UnknownVehicle(t.VehiclePlate);
        }

        if ((Retired("$.facilityCode", "facility", "设施", t.FacilityCode, facility.RetiredAt, t.TimeIn)
            ?? Retired("$.vehiclePlate", "vehicle", "车辆", t.VehiclePlate, vehicle.RetiredAt, t.TimeIn)) is { } retired)
        {
            return retired;
        }

        if (t.TareKg > t.GrossKg)
        {
            return EventProblem.At(ReasonCodes.TareExceedsGross, "$.tareKg", $"tare {Kg(t.TareKg)} kg is more than gross {Kg(t.GrossKg)} kg", $"皮重 {Kg(t.TareKg)} 千克大于毛重 {Kg(t.GrossKg)} 千克");
        }

        if (Math.Abs(t.NetKg - (t.GrossKg - t.TareKg)) > options.NetToleranceKg)
        {
            return EventProblem.At(ReasonCodes.NetMismatch, "$.netKg",
                $"net {Kg(t.NetKg)} kg is not gross − tare = {Kg(t.GrossKg)} − {Kg(t.TareKg)} = {Kg(t.GrossKg - t.TareKg)} kg",
                $"净重 {Kg(t.NetKg)} 千克不等于毛重减皮重 {Kg(t.GrossKg)} − {Kg(t.TareKg)} = {Kg(t.GrossKg - t.TareKg)} 千克");
        }

        if (vehicle.CapacityKg > 0 && t.NetKg > vehicle.CapacityKg)
        {
            return EventProblem.At(ReasonCodes.NetOverCapacity, "$.netKg",
                $"net {Kg(t.NetKg)} kg is more than vehicle {t.VehiclePlate} can carry ({vehicle.CapacityKg} kg)",
                $"净重 {Kg(t.NetKg)} 千克超过车辆 {t.VehiclePlate} 的核定载重（{vehicle.CapacityKg} 千克）");
        }

        return null;
    }

    private static EventProblem? Finding(InspectionFindingEvent f, RegistrySnapshot registry)
    {
        if (!registry.Sites.TryGetValue(f.SiteCode, out var site))
        {
            return UnknownSite(f.SiteCode);
        }

        if (Retired("$.siteCode", "site", "投放点", f.SiteCode, site.RetiredAt, f.DeviceTime) is { } retired)
        {
            return retired;
        }

        return registry.KnownClauses.Contains(f.ClauseId)
            ? null
            : EventProblem.At(ReasonCodes.UnknownClause, "$.clauseId", $"the profile knows no clause '{f.ClauseId}' (such as W96-K5 or W96-B1)", $"政策配置中没有条款“{f.ClauseId}”（例如 W96-K5、W96-B1）");
    }

    private static EventProblem? Outside(EventPoint point, RegistrySnapshot registry, CollectionOptions options)
    {
        if (registry.Extent is not { } box)
        {
            return null;
        }

        var midLatitude = (box.MinLatitude + box.MaxLatitude) / 2;
        var marginLat = options.CityMarginKm / KmPerDegreeLatitude;
        var marginLon = options.CityMarginKm / (KmPerDegreeLatitude * Math.Max(Math.Cos(midLatitude * Math.PI / 180), 0.01));
        if (point.Longitude >= box.MinLongitude - marginLon && point.Longitude <= box.MaxLongitude + marginLon
            && point.Latitude >= box.MinLatitude - marginLat && point.Latitude <= box.MaxLatitude + marginLat)
        {
            return null;
        }

        var where = $"({point.Longitude.ToString("0.#####", CultureInfo.InvariantCulture)}, {point.Latitude.ToString("0.#####", CultureInfo.InvariantCulture)})";
        return EventProblem.At(ReasonCodes.OutsideCity, "$.point",
            $"{where} is more than {options.CityMarginKm:0} km outside the city's extent",
            $"{where} 位于城市范围之外 {options.CityMarginKm:0} 公里以上");
    }

    /// <summary>The record was retired at or before the event's time: the event is refused, the history before stays.</summary>
    private static EventProblem? Retired(string path, string what, string whatZh, string key, DateTimeOffset? retiredAt, DateTimeOffset time) =>
        retiredAt is { } retired && retired <= time
            ? EventProblem.At(ReasonCodes.Retired, path,
                $"{what} '{key}' was retired at {retired.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, before the event's time {time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC",
                $"{whatZh}“{key}”已于 {retired.UtcDateTime:yyyy-MM-dd HH:mm:ss}（UTC）停用，早于事件时间 {time.UtcDateTime:yyyy-MM-dd HH:mm:ss}（UTC）")
            : null;

    private static EventProblem UnknownVehicle(string plate) =>
        EventProblem.At(ReasonCodes.UnknownVehicle, "$.vehiclePlate", $"no vehicle '{plate}' in the registry", $"登记册中没有车辆“{plate}”");

    private static EventProblem UnknownSite(string code) =>
        EventProblem.At(ReasonCodes.UnknownSite, "$.siteCode", $"no site '{code}' in the registry", $"登记册中没有投放点“{code}”");

    private static string Kg(decimal kg) => kg.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan span) => span.TotalHours >= 1
        ? span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h"
        : span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min";

    private static string DeviceKindZh(DeviceKind kind) => kind switch
    {
        DeviceKind.Vehicle => "车载",
        DeviceKind.Weighbridge => "地磅",
        DeviceKind.Inspector => "检查员",
        DeviceKind.Office => "办公室",
        _ => "演示",
    };
}
