using CitySort.Collection;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Tests.Collection;
using Microsoft.EntityFrameworkCore;
using static CitySort.Tests.Collection.CollectionHost;

namespace CitySort.Tests.Registry;

/// <summary>
/// Editing the registry one record at a time (issue 10, registry upkeep): edits pass the imports' checks (defects 5
/// and 9), a change from a stale version is a conflict, and a retired record keeps its history while its later events
/// are refused. Run on SQLite and on PostgreSQL (<see cref="SqliteRegistryEditTests"/>, <see cref="PostgreSqlRegistryEditTests"/>).
/// </summary>
public abstract class RegistryEditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens the host on the provider of the subclass.</summary>
    private protected abstract Task<CollectionHost> OpenAsync();

    [Fact]
    public async Task Changing_a_site_keeps_the_bins_sent_with_their_id_and_raises_the_version()
    {
        await using var host = await OpenAsync();
        var before = await SiteAsync(host, "LC-1");
        var edit = EditOf(before) with
        {
            Name = "五马街公共场所",
            Bins = [.. before.Bins.OrderBy(b => b.Id).Select(b => new BinEdit { Id = b.Id, Category = b.Category, Placement = b.Placement, Count = 3, VolumeLitres = 240 })],
        };

        var result = await host.Edits.UpdateSiteAsync("LC-1", edit, Ct);

        Assert.Equal(RegistryEditOutcome.Saved, result.Outcome);
        Assert.Equal(before.Version + 1, result.Version);
        var after = await SiteAsync(host, "LC-1");
        Assert.Equal(("五马街公共场所", before.Version + 1), (after.Name, after.Version));
        // The two bin groups keep their ids (events name them as binId); each now counts 3 bins.
        Assert.Equal(before.Bins.Select(b => b.Id).Order(), after.Bins.Select(b => b.Id).Order());
        Assert.All(after.Bins, b => Assert.Equal(3, b.Count));
    }

    [Fact]
    public async Task A_site_moved_to_Paris_is_refused_at_the_longitude_and_nothing_is_written()
    {
        await using var host = await OpenAsync();
        var before = await SiteAsync(host, "LC-1");

        var result = await host.Edits.UpdateSiteAsync("LC-1", EditOf(before) with { Longitude = 2.35, Latitude = 48.85 }, Ct);

        Assert.Equal(RegistryEditOutcome.Invalid, result.Outcome);
        var problem = Assert.Single(result.Problems);
        // The registry has no district boundary, so the city is mainland China's box; Paris (2.35 E, 48.85 N) is outside it.
        Assert.Equal("$.longitude", problem.Path);
        Assert.Equal("the point (2.35, 48.85) is not in mainland China: check the coordinates (longitude first, latitude second)", problem.Reason);
        Assert.Contains("不在中国大陆范围内", problem.ReasonZh, StringComparison.Ordinal);
        var after = await SiteAsync(host, "LC-1");
        Assert.Equal((120.65, 28.01, before.Version), (after.Longitude, after.Latitude, after.Version));
    }

    [Fact]
    public async Task A_new_site_with_kitchen_bins_is_refused_under_a_profile_without_the_Kitchen_category()
    {
        await using var host = await OpenAsync();
        var shipped = ProfileLoader.LoadDefault();
        var withoutKitchen = shipped with { Categories = [.. shipped.Categories.Where(c => c.Category != WasteCategory.Kitchen)] };
        var edit = EditOf(await SiteAsync(host, "LC-1")) with
        {
            Code = "LC-9",
            Bins =
            [
                new BinEdit { Category = WasteCategory.Recyclable, Count = 1, VolumeLitres = 240 },
                new BinEdit { Category = WasteCategory.Other, Count = 1, VolumeLitres = 240 },
                new BinEdit { Category = WasteCategory.Kitchen, Count = 2, VolumeLitres = 240 },
            ],
        };

        var result = await host.EditsWith(withoutKitchen).AddSiteAsync(edit, Ct);

        Assert.Equal(RegistryEditOutcome.Invalid, result.Outcome);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.bins[2]", problem.Path);
        Assert.StartsWith("bin item 3: the category Kitchen is not in the active policy profile", problem.Reason, StringComparison.Ordinal);
        await using var db = host.Database.Context();
        Assert.False(await db.Sites.AnyAsync(s => s.Code == "LC-9", Ct));
    }

    [Fact]
    public async Task A_change_made_from_a_stale_version_is_a_conflict_and_the_other_change_stays()
    {
        await using var host = await OpenAsync();
        var opened = EditOf(await SiteAsync(host, "LC-2"));
        var first = await host.Edits.UpdateSiteAsync("LC-2", opened with { Name = "甲的修改" }, Ct);

        var second = await host.Edits.UpdateSiteAsync("LC-2", opened with { Name = "乙的修改" }, Ct);

        Assert.Equal(RegistryEditOutcome.Saved, first.Outcome);
        Assert.Equal(RegistryEditOutcome.Conflict, second.Outcome);
        Assert.Equal("$.version", Assert.Single(second.Problems).Path);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal("甲的修改", (await SiteAsync(host, "LC-2")).Name);
    }

    [Fact]
    public async Task A_retired_vehicle_keeps_its_earlier_events_in_the_kpis_and_exports_and_its_later_events_are_refused()
    {
        await using var host = await OpenAsync();
        // Before the retirement (the clock stands at 2015-12-02 12:00 +08:00): a pickup of 50 kg and a ticket of 40 kg net.
        var pickup = await host.SubmitOneAsync(TruckDevice(RecyclableTruck), EventKind.Pickup,
            Pickup("p-1", RecyclableTruck, "LC-1", "recyclable", "2015-12-02T09:00:00+08:00", 50));
        var ticket = await host.SubmitOneAsync(Weighbridge(RecyclingCentre), EventKind.WeighTicket,
            Ticket("t-1", RecyclingCentre, RecyclableTruck, "2015-12-02T09:30:00+08:00", "2015-12-02T09:40:00+08:00", 3040, 3000, 40, "recyclable"));
        int version;
        await using (var db = host.Database.Context())
        {
            version = (await db.Vehicles.SingleAsync(v => v.Plate == RecyclableTruck, Ct)).Version;
        }

        var retired = await host.Edits.RetireVehicleAsync(RecyclableTruck, version, Ct);
        host.Registry.Invalidate();
        host.Clock.Advance(TimeSpan.FromHours(1));
        var later = await host.SubmitOneAsync(TruckDevice(RecyclableTruck), EventKind.Pickup,
            Pickup("p-2", RecyclableTruck, "LC-2", "recyclable", "2015-12-02T12:30:00+08:00", 30));

        Assert.Equal((IntakeOutcome.Accepted, IntakeOutcome.Accepted), (pickup.Outcome, ticket.Outcome));
        Assert.Equal(RegistryEditOutcome.Retired, retired.Outcome);
        Assert.Equal(new DateTimeOffset(2015, 12, 2, 4, 0, 0, TimeSpan.Zero), retired.RetiredAt);
        Assert.Equal((IntakeOutcome.Rejected, ReasonCodes.Retired), (later.Outcome, later.ReasonCode));
        Assert.StartsWith("$.vehiclePlate: vehicle '浙C10002' was retired at 2015-12-02 04:00:00 UTC", later.Reason, StringComparison.Ordinal);

        // The day's reconciliation still names the vehicle: |50 − 40| ÷ 40 = 0.25 (W96-A6).
        var report = await host.Kpis.GetAsync(new KpiQuery(new DateOnly(2015, 12, 2), new DateOnly(2015, 12, 2)), Ct);
        var gap = Assert.Single(report.Periods).Figures.Single(f => f.Kpi == "ReconciliationGap" && f.VehiclePlate == RecyclableTruck);
        Assert.Equal(0.25m, gap.Value);

        // The vehicles export lists it with its retirement.
        var export = await host.Database.Exporter.ReadAsync("vehicles", Ct);
        var row = export!.Rows.Single(r => (string?)r[0] == RecyclableTruck);
        Assert.Equal("2015-12-02T04:00:00Z", row[export.Columns.ToList().IndexOf("retired_at")]);
    }

    [Fact]
    public async Task A_retired_site_refuses_later_findings_leaves_the_coverage_and_cannot_be_changed_or_retired_again()
    {
        await using var host = await OpenAsync();
        var site = await SiteAsync(host, "OH-1");

        var retired = await host.Edits.RetireSiteAsync("OH-1", site.Version, Ct);
        host.Registry.Invalidate();
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        var finding = await host.SubmitOneAsync(Inspector, EventKind.InspectionFinding,
            $$"""{"eventId":"f-1","deviceTime":"2015-12-02T12:10:00+08:00","siteCode":"OH-1","inspector":"张三","clauseId":"W96-B4"}""");
        var change = await host.Edits.UpdateSiteAsync("OH-1", EditOf(site) with { Version = retired.Version }, Ct);
        var again = await host.Edits.RetireSiteAsync("OH-1", retired.Version!.Value, Ct);

        Assert.Equal(RegistryEditOutcome.Retired, retired.Outcome);
        Assert.Equal((IntakeOutcome.Rejected, ReasonCodes.Retired), (finding.Outcome, finding.ReasonCode));
        Assert.Equal(RegistryEditOutcome.Exists, change.Outcome);
        Assert.Equal(RegistryEditOutcome.Exists, again.Outcome);
        // The sites export keeps it with its retirement; the coverage export counts the two Lucheng sites only.
        var sites = await host.Database.Exporter.ReadAsync("sites", Ct);
        Assert.Contains(sites!.Rows, r => (string?)r[0] == "OH-1" && r[^1] is "2015-12-02T04:00:00Z");
        var coverage = await host.Database.Exporter.ReadAsync("coverage", Ct);
        var overall = coverage!.Rows.First(r => (string?)r[0] == "all" && (string?)r[1] == "Urban");
        Assert.Equal(2, Convert.ToInt32(overall[coverage.Columns.ToList().IndexOf("sites")], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_new_vehicle_is_checked_for_its_hauler_and_its_dedication_against_the_profile()
    {
        await using var host = await OpenAsync();
        var shipped = ProfileLoader.LoadDefault();
        var withoutKitchen = shipped with { Categories = [.. shipped.Categories.Where(c => c.Category != WasteCategory.Kitchen)] };
        var edit = new VehicleEdit
        {
            Plate = "浙C 30001",
            DistrictCode = Lucheng,
            HaulerCode = "NOPE",
            DedicatedCategory = WasteCategory.Kitchen,
            CapacityKg = 5000,
            CapacityCubicMetres = 8,
        };

        var refused = await host.EditsWith(withoutKitchen).AddVehicleAsync(edit, Ct);
        var added = await host.Edits.AddVehicleAsync(edit with { HaulerCode = "H1" }, Ct);

        Assert.Equal(RegistryEditOutcome.Invalid, refused.Outcome);
        Assert.Equal(["$.dedicatedCategory", "$.haulerCode"], refused.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        // The plate is stored without its space: 浙C 30001 -> 浙C30001.
        Assert.Equal((RegistryEditOutcome.Created, "浙C30001", 1), (added.Outcome, added.Key, added.Version));
    }

    [Fact]
    public async Task A_facility_in_Paris_and_a_line_to_a_retired_facility_are_refused()
    {
        await using var host = await OpenAsync();
        var facility = new FacilityEdit
        {
            Code = "F-PARIS",
            Name = "巴黎焚烧厂",
            Kind = FacilityKind.WasteToEnergyPlant,
            AcceptedCategories = [WasteCategory.Other],
            Longitude = 2.35,
            Latitude = 48.85,
        };
        int version;
        await using (var db = host.Database.Context())
        {
            version = (await db.Facilities.SingleAsync(f => f.Code == WasteToEnergy, Ct)).Version;
        }

        var paris = await host.Edits.AddFacilityAsync(facility, Ct);
        await host.Edits.RetireFacilityAsync(WasteToEnergy, version, Ct);
        var line = await host.Edits.AddLineAsync(new LineEdit
        {
            Code = "LC-OTHER-1",
            Name = "鹿城其他垃圾线",
            DistrictCode = Lucheng,
            Category = WasteCategory.Other,
            FacilityCode = WasteToEnergy,
            Stops = ["LC-1", "LC-2"],
        }, Ct);

        // The city's extent is the district boxes 120.50..120.75 x 27.90..28.10 widened by 0.05 degrees.
        Assert.Equal("$.longitude", Assert.Single(paris.Problems).Path);
        Assert.StartsWith("the point 2.35, 48.85 is outside the registered district boundaries", paris.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Equal("$.facilityCode", Assert.Single(line.Problems).Path);
        Assert.StartsWith("facility F-WTE was retired on 2015-12-02", line.Problems[0].Reason, StringComparison.Ordinal);
    }

    private static async Task<Site> SiteAsync(CollectionHost host, string code)
    {
        await using var db = host.Database.Context();
        return await db.Sites.AsNoTracking().Include(s => s.Bins).SingleAsync(s => s.Code == code, Ct);
    }

    private static SiteEdit EditOf(Site site) => new()
    {
        Name = site.Name,
        Type = site.Type,
        DistrictCode = site.DistrictCode,
        StreetCode = site.StreetCode,
        CommunityCode = site.CommunityCode,
        Address = site.Address,
        Longitude = site.Longitude,
        Latitude = site.Latitude,
        Floors = site.Floors,
        Bins = [.. site.Bins.OrderBy(b => b.Id).Select(b => new BinEdit { Id = b.Id, Category = b.Category, Stream = b.Stream, Placement = b.Placement, Count = b.Count, VolumeLitres = b.VolumeLitres })],
        Version = site.Version,
    };
}
