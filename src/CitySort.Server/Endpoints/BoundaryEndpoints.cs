using System.Globalization;
using System.Text.Json.Nodes;
using CitySort.Imports;
using CitySort.Policy;
using CitySort.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/boundaries</c>: the imported district boundaries as one GeoJSON FeatureCollection (RFC 7946), in WGS-84
/// (boundaries imported in GCJ-02 were converted on import; <c>properties.sourceDatum</c> says what they came in).
/// For display: each boundary is simplified with <see cref="BoundarySimplifier"/> (about 20 m); <c>detail=full</c>
/// gives the boundaries as imported, which the registry keeps.
/// </summary>
internal static class BoundaryEndpoints
{
    /// <summary>The media type of GeoJSON (RFC 7946).</summary>
    public const string GeoJsonMediaType = "application/geo+json";

    /// <summary>Maps the group under <see cref="AuthorizationPolicyNames.RegistryRead"/>.</summary>
    public static void MapBoundaryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/boundaries")
            .WithTags("Divisions")
            .RequireAuthorization(AuthorizationPolicyNames.RegistryRead)
            .MapGet("/", GetBoundaries)
            .WithName("GetBoundaries")
            .WithSummary("Every district boundary imported, as a GeoJSON FeatureCollection with properties code, adcode, name, name_en, urban and sourceDatum; simplified for display (about 20 m) unless detail=full.")
            .Produces<JsonObject>(StatusCodes.Status200OK, GeoJsonMediaType);
    }

    private static async Task<IResult> GetBoundaries(IDbContextFactory<CitySortDbContext> contexts, PolicyProfile profile, string? detail, CancellationToken cancellationToken)
    {
        var full = string.Equals(detail?.Trim(), "full", StringComparison.OrdinalIgnoreCase);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var districts = await db.Districts.AsNoTracking()
            .Where(d => d.BoundaryGeoJson != null)
            .OrderBy(d => d.Code)
            .Select(d => new { d.Code, d.NameZh, d.NameEn, d.BoundaryGeoJson, d.BoundarySourceDatum, d.BoundaryIsIllustrative })
            .ToListAsync(cancellationToken);
        var features = new JsonArray();
        foreach (var d in districts)
        {
            var properties = new JsonObject
            {
                ["code"] = d.Code,
                ["adcode"] = int.TryParse(d.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var adcode) ? adcode : null,
                ["name"] = d.NameZh,
                ["name_en"] = profile.District(d.Code)?.Name.En ?? d.NameEn,
                ["urban"] = profile.IsInScope(d.Code, null),
                ["sourceDatum"] = d.BoundarySourceDatum?.ToString(),
                ["illustrative"] = d.BoundaryIsIllustrative,
            };
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = properties,
                ["geometry"] = JsonNode.Parse(full ? d.BoundaryGeoJson! : BoundarySimplifier.ForDisplay(d.BoundaryGeoJson!)),
            });
        }

        var collection = new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
        return Results.Text(collection.ToJsonString(), GeoJsonMediaType);
    }
}
