using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Server.Contracts;
using CitySort.Server.Queries;
using CitySort.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/sites</c>: the sorting sites with their bin-rule results (W96-B1..B4): a filtered, paged list, the points
/// for the map, and one site with its bins and gaps, as <see cref="SiteQueryService"/> finds them.
/// </summary>
internal static class SiteEndpoints
{
    /// <summary>Maps the group under <see cref="AuthorizationPolicyNames.RegistryRead"/>.</summary>
    public static void MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sites")
            .WithTags("Sites")
            .RequireAuthorization(AuthorizationPolicyNames.RegistryRead);
        group.MapGet("/", ListSites)
            .WithName("ListSites")
            .WithSummary("Sites in service filtered by district (code or area id), street, type, compliance and a search text (name, address or code), one page at a time, ordered by code; includeRetired=true adds the retired sites.");
        group.MapGet("/points", ListPoints)
            .WithName("ListSitePoints")
            .WithSummary("Every site (or a district's) as a point coloured by compliance, for the map.");
        group.MapGet("/{code}", GetSite)
            .WithName("GetSite")
            .WithSummary("One site with its bins and each gap against its type's bin rule, with the clause id.");
    }

    private static async Task<Results<Ok<PagedList<SiteListItem>>, ProblemHttpResult>> ListSites(
        SiteQueryService sites, [AsParameters] SiteListQuery query, HttpContext context, CancellationToken cancellationToken)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? SiteQueryService.DefaultPageSize;
        if (SiteQueryService.PagingProblem(page, pageSize) is { } paging)
        {
            return Problems.BadRequest(paging.Zh, paging.En);
        }

        if (!SiteFilter.TryParseType(query.Type, out var type, out var typeProblem))
        {
            return Problems.BadRequest(typeProblem!.Zh, typeProblem.En);
        }

        var scope = context.Scope();
        if (scope.Refuses(query.District) is { } refused)
        {
            return refused;
        }

        var found = await sites.ListAsync(scope, new SiteFilter(query.District, query.Street, type, query.Compliant, query.Q, query.IncludeRetired == true), page, pageSize, cancellationToken);
        return TypedResults.Ok(new PagedList<SiteListItem>(found.Items.Select(ToListItem).ToList(), found.Total, found.Page, found.PageSize));
    }

    private static async Task<Results<Ok<List<SitePoint>>, ProblemHttpResult>> ListPoints(SiteQueryService sites, [AsParameters] SitePointsQuery query, HttpContext context, CancellationToken cancellationToken)
    {
        var scope = context.Scope();
        if (scope.Refuses(query.District) is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok((await sites.PointsAsync(scope, query.District, cancellationToken))
            .Select(s => new SitePoint(s.Site.Code, s.Site.Name, s.Site.Type, s.Site.DistrictCode, s.Site.Latitude, s.Site.Longitude, s.Compliance.IsCompliant, s.Site.IsIllustrative))
            .ToList());
    }

    private static async Task<Results<Ok<SiteDetail>, ProblemHttpResult>> GetSite(string code, SiteQueryService sites, PolicyProfile profile, HttpContext context, CancellationToken cancellationToken)
    {
        if (await sites.FindAsync(context.Scope(), code, cancellationToken) is not { } s)
        {
            return Problems.NotFound("没有编码为“" + code + "”的点位。", "No site has the code '" + code + "'.");
        }

        var site = s.Site;
        return TypedResults.Ok(new SiteDetail(
            site.Code,
            site.Name,
            site.Type,
            profile.RuleFor(site.Type).Clause,
            site.DistrictCode,
            s.DistrictName,
            site.StreetCode,
            s.StreetName,
            s.DistrictNameEn,
            s.StreetNameEn,
            site.CommunityCode,
            s.CommunityName,
            s.AreaIds,
            site.Address,
            site.Latitude,
            site.Longitude,
            site.SourceDatum,
            site.Households,
            site.Staff,
            site.Floors,
            site.HasPropertyManagement,
            site.HasCanteen,
            site.IsWetDryPilot,
            site.IsBaggedZone,
            site.CollectedSorted,
            s.Compliance.IsCompliant,
            site.Bins.OrderBy(b => b.Id).Select(b => new BinView(b.Category, b.Stream, b.Placement, b.Count, b.VolumeLitres, b.Bagged, b.Id)).ToList(),
            s.Compliance.Gaps.Select(ToGapView).ToList(),
            site.IsIllustrative,
            site.IsKitchenWasteHeavy,
            site.RetiredAt,
            site.Version));
    }

    private static SiteListItem ToListItem(IndexedSite s) =>
        new(
            s.Site.Code,
            s.Site.Name,
            s.Site.Type,
            s.Site.DistrictCode,
            s.DistrictName,
            s.Site.StreetCode,
            s.StreetName,
            s.DistrictNameEn,
            s.StreetNameEn,
            s.Site.Address,
            s.Site.Latitude,
            s.Site.Longitude,
            s.Site.Households,
            s.Site.Staff,
            s.Compliance.IsCompliant,
            s.Compliance.Gaps.Count,
            s.Site.IsIllustrative,
            s.Site.RetiredAt,
            s.Site.Version);

    private static GapView ToGapView(BinGap g) =>
        new(g.Clause, g.Kind.ToString(), g.Category, g.Stream, g.Placement, g.RequiredCount, g.PresentCount, g.MessageZh, g.MessageEn);
}
