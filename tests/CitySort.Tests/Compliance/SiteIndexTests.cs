using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CitySort.Tests.Compliance;

/// <summary>The compliance index re-reads the registry when its snapshot is 30 s old, by the clock it is given, or at once when dropped.</summary>
public sealed class SiteIndexTests
{
    private static readonly PolicyProfile Profile = ProfileLoader.LoadDefault();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_snapshot_is_used_until_it_is_30_seconds_old_and_then_the_registry_is_read_again()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await AddSitesAsync(db, "S-1");
        var clock = new FakeTimeProvider(new DateTimeOffset(2015, 12, 1, 8, 0, 0, TimeSpan.Zero));
        using var index = new SiteIndex(db.ContextFactory, Profile, clock);
        var first = await index.GetAsync(Ct);
        await AddSitesAsync(db, "S-2");

        clock.Advance(SiteIndex.MaxAge - TimeSpan.FromTicks(1));
        var young = await index.GetAsync(Ct);
        clock.Advance(TimeSpan.FromTicks(1));
        var old = await index.GetAsync(Ct);

        // 08:00:00 read; at 08:00:29.9999999 the same snapshot (S-1 only); at 08:00:30 a new read with S-2.
        Assert.Same(first, young);
        Assert.Equal(["S-1"], young.Sites.Select(s => s.Site.Code));
        Assert.Equal(["S-1", "S-2"], old.Sites.Select(s => s.Site.Code));
        Assert.Equal(new DateTimeOffset(2015, 12, 1, 8, 0, 30, TimeSpan.Zero), old.ReadAt);
    }

    [Fact]
    public async Task A_dropped_snapshot_is_read_again_at_once_without_the_clock_moving()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await AddSitesAsync(db, "S-1");
        var clock = new FakeTimeProvider(new DateTimeOffset(2015, 12, 1, 8, 0, 0, TimeSpan.Zero));
        using var index = new SiteIndex(db.ContextFactory, Profile, clock);
        await index.GetAsync(Ct);
        await AddSitesAsync(db, "S-2");

        index.Invalidate();
        var after = await index.GetAsync(Ct);

        Assert.Equal(["S-1", "S-2"], after.Sites.Select(s => s.Site.Code));
    }

    [Fact]
    public async Task Each_site_is_indexed_with_its_bin_rule_result_and_the_names_of_its_places()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await AddSitesAsync(db, "S-1");
        using var index = new SiteIndex(db.ContextFactory, Profile, new FakeTimeProvider());

        var site = Assert.Single((await index.GetAsync(Ct)).Sites);

        // A residential compound without bins misses its W96-B1 bins: not compliant.
        Assert.False(site.Compliance.IsCompliant);
        Assert.NotEmpty(site.Compliance.Gaps);
        Assert.Equal(("鹿城区", "Lucheng"), (site.DistrictName, site.DistrictNameEn));
    }

    [Fact]
    public async Task A_page_past_the_first_holds_the_rest_with_the_total_of_every_page()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await AddSitesAsync(db, "S-1", "S-2", "S-3");
        using var index = new SiteIndex(db.ContextFactory, Profile, new FakeTimeProvider());
        var sites = new SiteQueryService(index, Profile);

        var second = await sites.ListAsync(CitySort.Security.AccessScope.City, new SiteFilter(), page: 2, pageSize: 2, Ct);
        var third = await sites.ListAsync(CitySort.Security.AccessScope.City, new SiteFilter(), page: 3, pageSize: 2, Ct);

        // 3 sites by code, 2 a page: page 2 holds S-3 alone, page 3 nothing; the total is 3 on both.
        Assert.Equal(["S-3"], second.Items.Select(s => s.Site.Code));
        Assert.Equal((3, 2, 2), (second.Total, second.Page, second.PageSize));
        Assert.Empty(third.Items);
        Assert.Equal(3, third.Total);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sites.ListAsync(CitySort.Security.AccessScope.City, new SiteFilter(), page: 0, pageSize: 2, Ct));
    }

    private static async Task AddSitesAsync(TestDatabase db, params string[] codes)
    {
        await using var context = db.Context();
        if (!context.Districts.Any(d => d.Code == "330302"))
        {
            context.Districts.Add(new District { Code = "330302", NameZh = "鹿城区" });
        }

        foreach (var code in codes)
        {
            context.Sites.Add(new Site { Code = code, Name = "小区 " + code, Type = SiteType.ResidentialCompound, DistrictCode = "330302", Latitude = 28.0, Longitude = 120.65 });
        }

        await context.SaveChangesAsync(Ct);
    }
}
