using CitySort.Policy;
using CitySort.Server.Contracts;
using CitySort.Server.Services;
using CitySort.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/districts</c> and <c>/api/streets</c>: the division hierarchy as imported, with the profile's areas
/// (the development zone) laid over the streets, and the counts of streets, communities and sites.
/// </summary>
internal static class DistrictEndpoints
{
    /// <summary>Maps both groups under <see cref="AuthorizationPolicyNames.RegistryRead"/>.</summary>
    public static void MapDistrictEndpoints(this IEndpointRouteBuilder app)
    {
        var districts = app.MapGroup("/api/districts")
            .WithTags("Divisions")
            .RequireAuthorization(AuthorizationPolicyNames.RegistryRead);
        districts.MapGet("/", ListDistricts)
            .WithName("ListDistricts")
            .WithSummary("The urban districts of the profile with street, community and site counts, then the profile's areas (the development zone) with their streets; all=true lists every imported division.");
        districts.MapGet("/{code}/streets", ListStreets)
            .WithName("ListStreets")
            .WithSummary("The streets of a district (6-digit code) or of a profile area (its id), with community and site counts.");

        var streets = app.MapGroup("/api/streets")
            .WithTags("Divisions")
            .RequireAuthorization(AuthorizationPolicyNames.RegistryRead);
        streets.MapGet("/{code}/communities", ListCommunities)
            .WithName("ListCommunities")
            .WithSummary("The communities of a street (9-digit code) with households and site counts.");
    }

    private sealed record StreetRow(string Code, string Name, string DistrictCode, bool IsIllustrative);

    private static async Task<Ok<List<DistrictSummary>>> ListDistricts(
        IDbContextFactory<CitySortDbContext> contexts, SiteIndex index, PolicyProfile profile, bool? all, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var registered = await db.Districts.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.NameZh, d.NameEn, d.IsIllustrative }).ToListAsync(cancellationToken);
        var streets = await db.Streets.AsNoTracking().Select(s => new StreetRow(s.Code, s.Name, s.DistrictCode, s.IsIllustrative)).ToListAsync(cancellationToken);
        var communityCounts = await CommunityCountsAsync(db, cancellationToken);
        var sites = (await index.GetAsync(cancellationToken)).Sites;

        var codes = all == true
            ? profile.UrbanDistrictCodes.Concat(registered.Select(d => d.Code).Where(c => !profile.UrbanDistrictCodes.Contains(c, StringComparer.Ordinal))).ToList()
            : profile.UrbanDistrictCodes.ToList();
        var result = new List<DistrictSummary>();
        foreach (var code in codes)
        {
            var row = registered.FirstOrDefault(d => d.Code == code);
            var defined = profile.District(code);
            var own = streets.Where(s => s.DistrictCode == code).ToList();
            var ownSites = sites.Where(s => s.Site.DistrictCode == code).ToList();
            result.Add(new DistrictSummary(
                code,
                row?.NameZh ?? defined?.Name.Zh ?? code,
                defined?.Name.En ?? row?.NameEn,
                "District",
                profile.IsInScope(code, null),
                own.Count,
                own.Sum(s => communityCounts.GetValueOrDefault(s.Code)),
                ownSites.Count,
                ownSites.Count(s => s.Compliance.IsCompliant),
                [])
            {
                IllustrativeSiteCount = ownSites.Count(s => s.Site.IsIllustrative),
                IsIllustrative = row?.IsIllustrative ?? false,
            });
        }

        foreach (var area in profile.UrbanAreas)
        {
            var own = streets.Where(s => area.ContainsStreet(s.Code, s.Name)).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
            var ownSites = sites.Where(s => s.AreaIds.Contains(area.Id, StringComparer.Ordinal)).ToList();
            // A street the profile names under several codes (one per vintage of the statistical codes) counts once.
            var distinctStreets = own.Select(s => area.Streets.FirstOrDefault(d => d.Codes.Contains(s.Code, StringComparer.Ordinal))?.Name.Zh ?? s.Name).Distinct(StringComparer.Ordinal).Count();
            result.Add(new DistrictSummary(
                area.Id,
                (area.ShortName ?? area.Name).Zh,
                (area.ShortName ?? area.Name).En,
                "Area",
                true,
                distinctStreets,
                own.Sum(s => communityCounts.GetValueOrDefault(s.Code)),
                ownSites.Count,
                ownSites.Count(s => s.Compliance.IsCompliant),
                own.Select(s => Summary(s, profile, communityCounts, sites)).ToList())
            {
                IllustrativeSiteCount = ownSites.Count(s => s.Site.IsIllustrative),
            });
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<List<StreetSummary>>, ProblemHttpResult>> ListStreets(
        string code, IDbContextFactory<CitySortDbContext> contexts, SiteIndex index, PolicyProfile profile, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var area = profile.Area(code);
        var streets = await db.Streets.AsNoTracking().Select(s => new StreetRow(s.Code, s.Name, s.DistrictCode, s.IsIllustrative)).ToListAsync(cancellationToken);
        var own = area is null
            ? streets.Where(s => s.DistrictCode == code).ToList()
            : streets.Where(s => area.ContainsStreet(s.Code, s.Name)).ToList();
        if (own.Count == 0 && area is null && !await db.Districts.AnyAsync(d => d.Code == code, cancellationToken) && profile.District(code) is null)
        {
            return Problems.NotFound("没有代码为“" + code + "”的区或功能区。", "No district or area has the code '" + code + "'.");
        }

        var communityCounts = await CommunityCountsAsync(db, cancellationToken);
        var sites = (await index.GetAsync(cancellationToken)).Sites;
        return TypedResults.Ok(own.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => Summary(s, profile, communityCounts, sites)).ToList());
    }

    private static async Task<Results<Ok<List<CommunitySummary>>, ProblemHttpResult>> ListCommunities(
        string code, IDbContextFactory<CitySortDbContext> contexts, SiteIndex index, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Streets.AnyAsync(s => s.Code == code, cancellationToken))
        {
            return Problems.NotFound("没有代码为“" + code + "”的街道。", "No street has the code '" + code + "'.");
        }

        var communities = await db.Communities.AsNoTracking().Where(c => c.StreetCode == code).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var sites = (await index.GetAsync(cancellationToken)).Sites;
        return TypedResults.Ok(communities
            .Select(c => new CommunitySummary(c.Code, c.Name, c.StreetCode, c.Households, sites.Count(s => s.Site.CommunityCode == c.Code), c.IsIllustrative))
            .ToList());
    }

    private static StreetSummary Summary(StreetRow s, PolicyProfile profile, Dictionary<string, int> communityCounts, IReadOnlyList<IndexedSite> sites)
    {
        var areas = profile.ResolveArea(s.Code, s.Name);
        return new StreetSummary(
            s.Code,
            s.Name,
            PlaceNames.StreetEn(profile, s.Code, s.Name),
            s.DistrictCode,
            areas.Select(a => a.Id).ToList(),
            communityCounts.GetValueOrDefault(s.Code),
            sites.Count(x => x.Site.StreetCode == s.Code),
            s.IsIllustrative);
    }

    private static Task<Dictionary<string, int>> CommunityCountsAsync(CitySortDbContext db, CancellationToken cancellationToken) =>
        db.Communities.AsNoTracking()
            .GroupBy(c => c.StreetCode)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, cancellationToken);
}
