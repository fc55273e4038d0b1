using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>
/// What a set of accepted events adds to the rollups (DESIGN.md, "Reads never scan raw events"): per business day ×
/// district × area × category × facility; per site × day × category ("collected sorted", W96-T1; the first pickup's
/// minute of the day for same-day clearance, W96-K3); per vehicle × day (pickup estimates and ticket nets for
/// reconciliation). Sums are whole grams and counts, minima and maxima, so the order events are added in never
/// changes the result: incremental and rebuilt rollups are equal.
/// </summary>
internal sealed class RollupDelta
{
    public Dictionary<DailyKey, DailyValues> Daily { get; } = [];

    public Dictionary<SiteDayKey, SiteDayValues> SiteDays { get; } = [];

    public Dictionary<VehicleDayKey, VehicleDayValues> VehicleDays { get; } = [];

    public int Count => Daily.Count + SiteDays.Count + VehicleDays.Count;

    public void AddPickup(DateOnly day, string district, string area, string category, string siteCode, string plate, long estimatedG, int minuteOfDay, bool illustrative)
    {
        var key = new DailyKey(day, district, area, category, string.Empty);
        var d = Daily.GetValueOrDefault(key) ?? new DailyValues(0);
        Daily[key] = d with { PickupCount = d.PickupCount + 1, PickupEstimatedG = d.PickupEstimatedG + estimatedG, IsIllustrative = d.IsIllustrative || illustrative };

        var siteKey = new SiteDayKey(day, siteCode, category);
        SiteDays[siteKey] = SiteDays.TryGetValue(siteKey, out var s)
            ? s with { PickupCount = s.PickupCount + 1, PickupEstimatedG = s.PickupEstimatedG + estimatedG, FirstPickupMinute = Math.Min(s.FirstPickupMinute, minuteOfDay) }
            : new SiteDayValues(1, estimatedG, minuteOfDay);

        var vehicleKey = new VehicleDayKey(day, plate);
        var v = VehicleDays.GetValueOrDefault(vehicleKey) ?? new VehicleDayValues(false, 0, 0, 0, 0);
        VehicleDays[vehicleKey] = v with { IsIllustrative = v.IsIllustrative || illustrative, PickupCount = v.PickupCount + 1, PickupEstimatedG = v.PickupEstimatedG + estimatedG };
    }

    public void AddTicket(DateOnly day, string district, string area, string category, string facilityCode, FacilityKind facilityKind, string plate, long netG, bool sorted, bool treated, bool illustrative)
    {
        var key = new DailyKey(day, district, area, category, facilityCode);
        var d = Daily.GetValueOrDefault(key) ?? new DailyValues((int)facilityKind);
        Daily[key] = d with
        {
            FacilityKind = (int)facilityKind,
            IsIllustrative = d.IsIllustrative || illustrative,
            TicketCount = d.TicketCount + 1,
            TicketNetG = d.TicketNetG + netG,
            TicketSortedNetG = d.TicketSortedNetG + (sorted ? netG : 0),
            TicketTreatedNetG = d.TicketTreatedNetG + (treated ? netG : 0),
        };

        var vehicleKey = new VehicleDayKey(day, plate);
        var v = VehicleDays.GetValueOrDefault(vehicleKey) ?? new VehicleDayValues(false, 0, 0, 0, 0);
        VehicleDays[vehicleKey] = v with { IsIllustrative = v.IsIllustrative || illustrative, TicketCount = v.TicketCount + 1, TicketNetG = v.TicketNetG + netG };
    }

    public void Add(StoredEvent stored)
    {
        switch (stored.Event)
        {
            case PickupEvent p:
                AddPickup(p.BusinessDay, stored.DistrictCode, stored.AreaCode, stored.CategoryName, p.SiteCode, p.VehiclePlate,
                    EventContentHash.Grams(p.EstimatedKg), MinuteOfDay(p.DeviceTime), p.IsIllustrative);
                break;
            case WeighTicketEvent t:
                AddTicket(t.BusinessDay, stored.DistrictCode, stored.AreaCode, stored.CategoryName, t.FacilityCode, stored.FacilityKind ?? FacilityKind.TransferStation,
                    t.VehiclePlate, EventContentHash.Grams(t.NetKg), stored.IsSorted, stored.IsTreated, t.IsIllustrative);
                break;
        }
    }

    public void Clear()
    {
        Daily.Clear();
        SiteDays.Clear();
        VehicleDays.Clear();
    }

    /// <summary>The Asia/Shanghai minute of the day (0..1439) of an instant.</summary>
    public static int MinuteOfDay(DateTimeOffset instant)
    {
        var local = instant.ToOffset(EventTimes.BusinessDayOffset);
        return (local.Hour * 60) + local.Minute;
    }

    internal readonly record struct DailyKey(DateOnly Day, string DistrictCode, string AreaCode, string Category, string FacilityCode);

    internal sealed record DailyValues(int FacilityKind)
    {
        public bool IsIllustrative { get; init; }

        public long PickupCount { get; init; }

        public long PickupEstimatedG { get; init; }

        public long TicketCount { get; init; }

        public long TicketNetG { get; init; }

        public long TicketSortedNetG { get; init; }

        public long TicketTreatedNetG { get; init; }
    }

    internal readonly record struct SiteDayKey(DateOnly Day, string SiteCode, string Category);

    internal sealed record SiteDayValues(long PickupCount, long PickupEstimatedG, int FirstPickupMinute);

    internal readonly record struct VehicleDayKey(DateOnly Day, string VehiclePlate);

    internal sealed record VehicleDayValues(bool IsIllustrative, long PickupCount, long PickupEstimatedG, long TicketCount, long TicketNetG);
}
