using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Server.Contracts;
using CitySort.Server.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/sites</c>: the sorting sites with their bin-rule results (W96-B1..B4): a filtered, paged list, the points
/// for the map, and one site with its bins and gaps.
/// </summary>
internal static class SiteEndpoints
{
    /// <summary>Largest page the list serves.</summary>
    public const int MaxPageSize = 500;

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
        SiteIndex index,
        PolicyProfile profile,
        string? district,
        string? street,
        string? type,
        bool? compliant,
        string? q,
        int? page,
        int? pageSize,
        bool? includeRetired,
        CancellationToken cancellationToken)
    {
        var pageNumber = page ?? 1;
        var size = pageSize ?? 50;
        if (pageNumber < 1)
        {
            return Problems.BadRequest("page 须为 1 或以上（现为 " + pageNumber + "）。", "page must be 1 or more (it was " + pageNumber + ").");
        }

        if (size is < 1 or > MaxPageSize)
        {
            return Problems.BadRequest("pageSize 须在 1 到 " + MaxPageSize + " 之间（现为 " + size + "）。", "pageSize must be between 1 and " + MaxPageSize + " (it was " + size + ").");
        }

        SiteType? siteType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (!Enum.TryParse<SiteType>(type, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(type, out _))
            {
                return Problems.BadRequest("type“" + type + "”不是点位类型；可用：" + string.Join(", ", Enum.GetNames<SiteType>()) + "。", "type '" + type + "' is not a site type; use one of " + string.Join(", ", Enum.GetNames<SiteType>()) + ".");
            }

            siteType = parsed;
        }

        var snapshot = await index.GetAsync(cancellationToken);
        IEnumerable<IndexedSite> query = includeRetired == true ? snapshot.All : snapshot.Sites;
        if (!string.IsNullOrWhiteSpace(district))
        {
            var area = profile.Area(district);
            query = area is null
                ? query.Where(s => s.Site.DistrictCode == district)
                : query.Where(s => s.AreaIds.Contains(area.Id, StringComparer.Ordinal));
        }

        if (!string.IsNullOrWhiteSpace(street))
        {
            query = query.Where(s => s.Site.StreetCode == street);
        }

        if (siteType is { } t)
        {
            query = query.Where(s => s.Site.Type == t);
        }

        if (compliant is { } c)
        {
            query = query.Where(s => s.Compliance.IsCompliant == c);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(s =>
                s.Site.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || s.Site.Address.Contains(text, StringComparison.OrdinalIgnoreCase)
                || s.Site.Code.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        var matching = query.ToList();
        var items = matching.Skip((pageNumber - 1) * size).Take(size).Select(ToListItem).ToList();
        return TypedResults.Ok(new PagedList<SiteListItem>(items, matching.Count, pageNumber, size));
    }

    private static async Task<Ok<List<SitePoint>>> ListPoints(SiteIndex index, PolicyProfile profile, string? district, CancellationToken cancellationToken)
    {
        var snapshot = await index.GetAsync(cancellationToken);
        IEnumerable<IndexedSite> query = snapshot.Sites;
        if (!string.IsNullOrWhiteSpace(district))
        {
            var area = profile.Area(district);
            query = area is null
                ? query.Where(s => s.Site.DistrictCode == district)
                : query.Where(s => s.AreaIds.Contains(area.Id, StringComparer.Ordinal));
        }

        return TypedResults.Ok(query
            .Select(s => new SitePoint(s.Site.Code, s.Site.Name, s.Site.Type, s.Site.DistrictCode, s.Site.Latitude, s.Site.Longitude, s.Compliance.IsCompliant, s.Site.IsIllustrative))
            .ToList());
    }

    private static async Task<Results<Ok<SiteDetail>, ProblemHttpResult>> GetSite(string code, SiteIndex index, PolicyProfile profile, CancellationToken cancellationToken)
    {
        var snapshot = await index.GetAsync(cancellationToken);
        if (snapshot.Find(code) is not { } s)
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
