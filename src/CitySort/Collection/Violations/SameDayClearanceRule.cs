using System.Globalization;

namespace CitySort.Collection.Violations;

/// <summary>
/// W96-K3 same-day clearance (日产日清) as a pure function: a site due for a same-day-clearance category (other
/// waste) on a business day is cleared when some vehicle picked up that category there on that day at or before the
/// profile's clearance time; otherwise it is a <see cref="ViolationKind.NotClearedSameDay"/> violation, with the
/// site's later pickups of the category, if any, as evidence.
/// </summary>
public static class SameDayClearanceRule
{
    /// <summary>The due sites of <paramref name="input"/> not cleared by the clearance time.</summary>
    /// <param name="input">The day's due sites and pickups.</param>
    /// <returns>One finding per uncleared due site, ordered by site code.</returns>
    public static IReadOnlyList<ViolationFinding> Evaluate(SameDayClearanceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deadline = input.Rules.ClearanceInstant(input.BusinessDay);
        var clock = input.Rules.ClearanceTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var findings = new List<ViolationFinding>();
        var pickups = input.Pickups
            .Where(p => p.BusinessDay == input.BusinessDay && p.Category is not null)
            .OrderBy(p => p.DeviceTime).ThenBy(p => p.DeviceId, StringComparer.Ordinal).ThenBy(p => p.EventId, StringComparer.Ordinal)
            .ToLookup(p => (p.SiteCode, p.Category!.Value));
        foreach (var site in input.DueSites.OrderBy(s => s.SiteCode, StringComparer.Ordinal).ThenBy(s => s.Category))
        {
            var atSite = pickups[(site.SiteCode, site.Category)].ToList();
            if (atSite.Any(p => p.DeviceTime <= deadline))
            {
                continue;
            }

            var load = new WasteLoad(site.Category, null);
            var late = atSite.Count == 0
                ? (En: "no pickup of it was reported that day", Zh: "当日无收运记录")
                : (En: $"it was picked up only at {Local(atSite[0].DeviceTime)}", Zh: $"直到{Local(atSite[0].DeviceTime)}才收运");
            findings.Add(new ViolationFinding(
                ViolationKind.NotClearedSameDay,
                input.BusinessDay,
                null,
                site.SiteCode,
                null,
                site.DistrictCode,
                $"Site {site.SiteCode} ({site.SiteName}) was due for {load.NameEn} on {input.BusinessDay:yyyy-MM-dd} and was not cleared by {clock}; {late.En} (W96-K3: cleared the same day).",
                $"点位{site.SiteCode}（{site.SiteName}）{input.BusinessDay:yyyy-MM-dd}应收运{load.NameZh}，{clock}前未清运；{late.Zh}（W96-K3：日产日清）。",
                null,
                atSite.Select(EvidenceRef.Of).ToList(),
                site.IsIllustrative || atSite.Any(p => p.IsIllustrative)));
        }

        return findings;
    }

    private static string Local(DateTimeOffset t) => t.ToOffset(ViolationRules.BusinessDayOffset).ToString("HH:mm", CultureInfo.InvariantCulture);
}
