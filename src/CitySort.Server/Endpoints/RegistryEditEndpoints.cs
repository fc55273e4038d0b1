using CitySort.Collection;
using CitySort.Compliance;
using CitySort.Registry;
using CitySort.Server.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Endpoints;

/// <summary>
/// Editing the registry one record at a time (docs/registry.md): <c>POST</c> to add, <c>PUT /{key}</c> to change (with
/// the version the change was made from), <c>POST /{key}/retire</c> to retire, for <c>/api/sites</c> (with their bins),
/// <c>/api/vehicles</c>, <c>/api/facilities</c> and <c>/api/lines</c>, under <see cref="AuthorizationPolicyNames.RegistryEdit"/>.
/// The endpoints parse, call <see cref="RegistryEditService"/> and render: 201/200 with the record's key, version and
/// retirement; 400 with every refused field's JSON path and reason in the request's language; 404; 409 for a key that
/// is taken, a retired record, or a change from a stale version.
/// </summary>
internal static class RegistryEditEndpoints
{
    /// <summary>Maps the edit routes beside the read routes of each group.</summary>
    public static void MapRegistryEditEndpoints(this IEndpointRouteBuilder app)
    {
        var sites = Group(app, "/api/sites", "Sites");
        sites.MapPost("/", (SiteEdit body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.AddSiteAsync(body, ct), request, index, registry, "/api/sites/"))
            .WithName("AddSite")
            .WithSummary("Adds a site with its bins, checked as a row of the sites CSV is (district and street in the registry, the point in the city and its district, bins of the profile's categories).");
        sites.MapPut("/{code}", (string code, SiteEdit body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.UpdateSiteAsync(code, body, ct), request, index, registry))
            .WithName("UpdateSite")
            .WithSummary("Changes a site and replaces its bins (bins sent with their id keep it); the body names the version it was made from, 409 when the site changed since.");
        sites.MapPost("/{code}/retire", (string code, RetireRequest body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.RetireSiteAsync(code, body.Version, ct), request, index, registry))
            .WithName("RetireSite")
            .WithSummary("Retires a site: it keeps its history (events, KPIs, plans, exports name it) but is no longer listed, counted, planned or accepted in events after now.");

        var vehicles = Group(app, "/api/vehicles", "Facilities and fleet");
        vehicles.MapPost("/", (VehicleEdit body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.AddVehicleAsync(body, ct), request, index, registry, "/api/vehicles/"))
            .WithName("AddVehicle")
            .WithSummary("Adds a vehicle, checked as a row of the vehicles CSV is (plate, district, area, hauler, dedication of the profile).");
        vehicles.MapPut("/{plate}", (string plate, VehicleEdit body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.UpdateVehicleAsync(plate, body, ct), request, index, registry))
            .WithName("UpdateVehicle")
            .WithSummary("Changes a vehicle; the body names the version it was made from, 409 when the vehicle changed since.");
        vehicles.MapPost("/{plate}/retire", (string plate, RetireRequest body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.RetireVehicleAsync(plate, body.Version, ct), request, index, registry))
            .WithName("RetireVehicle")
            .WithSummary("Retires a vehicle: its events and KPIs keep naming it; it is no longer planned, and its events after now are refused (reason code retired).");

        var facilities = Group(app, "/api/facilities", "Facilities and fleet");
        facilities.MapPost("/", (FacilityEdit body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.AddFacilityAsync(body, ct), request, index, registry, "/api/facilities/"))
            .WithName("AddFacility")
            .WithSummary("Adds a facility, checked as a row of the facilities CSV is (accepted kinds of the profile, the point in the city).");
        facilities.MapPut("/{code}", (string code, FacilityEdit body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.UpdateFacilityAsync(code, body, ct), request, index, registry))
            .WithName("UpdateFacility")
            .WithSummary("Changes a facility; the body names the version it was made from, 409 when the facility changed since.");
        facilities.MapPost("/{code}/retire", (string code, RetireRequest body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.RetireFacilityAsync(code, body.Version, ct), request, index, registry))
            .WithName("RetireFacility")
            .WithSummary("Retires a facility: its tickets and KPIs keep naming it; it is no longer planned, and its tickets after now are refused.");

        var lines = Group(app, "/api/lines", "Facilities and fleet");
        lines.MapPost("/", (LineEdit body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.AddLineAsync(body, ct), request, index, registry, "/api/lines/"))
            .WithName("AddLine")
            .WithSummary("Adds a dedicated line (W96-T3), checked as a row of the lines CSV is (facility accepting what it carries, vehicle, stops in service).");
        lines.MapPut("/{code}", (string code, LineEdit body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.UpdateLineAsync(code, body, ct), request, index, registry))
            .WithName("UpdateLine")
            .WithSummary("Changes a dedicated line and replaces its stops; the body names the version it was made from, 409 when the line changed since.");
        lines.MapPost("/{code}/retire", (string code, RetireRequest body, RegistryEditService edits, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, CancellationToken ct) =>
                Render(edits.RetireLineAsync(code, body.Version, ct), request, index, registry))
            .WithName("RetireLine")
            .WithSummary("Retires a dedicated line: its plans keep naming it; it is no longer listed as active.");
    }

    private static RouteGroupBuilder Group(IEndpointRouteBuilder app, string prefix, string tag)
    {
        var group = app.MapGroup(prefix)
            .WithTags(tag)
            .RequireAuthorization(AuthorizationPolicyNames.RegistryEdit);
        group.ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    /// <summary>Runs the edit, refreshes the caches that hold the registry, and renders the outcome.</summary>
    private static async Task<Results<Created<EditedRecord>, Ok<EditedRecord>, ProblemHttpResult>> Render(
        Task<RegistryEditResult> edit, HttpRequest request, SiteIndex index, RegistrySnapshotSource registry, string? createdAt = null)
    {
        var result = await edit;
        if (result.Succeeded)
        {
            // Lists, maps and the intake see the edit at once (a retired vehicle's next event is refused).
            index.Invalidate();
            registry.Invalidate();
            var record = new EditedRecord(result.Key, result.Version ?? 0, result.RetiredAt);
            return result.Outcome == RegistryEditOutcome.Created && createdAt is not null
                ? TypedResults.Created(createdAt + Uri.EscapeDataString(result.Key), record)
                : TypedResults.Ok(record);
        }

        var chinese = Problems.PrefersChinese(request);
        var status = result.Outcome switch
        {
            RegistryEditOutcome.NotFound => StatusCodes.Status404NotFound,
            RegistryEditOutcome.Exists or RegistryEditOutcome.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        var first = result.Problems.FirstOrDefault();
        var (zh, en) = result.Outcome == RegistryEditOutcome.Invalid && result.Problems.Count > 1
            ? ($"有 {result.Problems.Count} 处问题，未写入任何内容：{first?.Path} {first?.ReasonZh}……", $"{result.Problems.Count} problems found; nothing was written: {first?.Path} {first?.Reason}, ...")
            : ($"{first?.Path}：{first?.ReasonZh}", $"{first?.Path}: {first?.Reason}");
        return Problems.Make(status, zh, en, new Dictionary<string, object?>
        {
            ["key"] = result.Key,
            ["currentVersion"] = result.Version,
            ["errors"] = result.Problems.Select(p => new EditError(p.Path, p.ReasonFor(chinese), p.ReasonZh, p.Reason)).ToList(),
        });
    }

    /// <summary>The answer to a successful edit.</summary>
    /// <param name="Key">The record's key (code or plate).</param>
    /// <param name="Version">Its version now; send it with the next change.</param>
    /// <param name="RetiredAt">When it was retired (UTC), or null.</param>
    internal sealed record EditedRecord(string Key, int Version, DateTimeOffset? RetiredAt);

    /// <summary>One refused field of an edit: its JSON path in the request body and the reason in the request's language and in both.</summary>
    /// <param name="Path">The JSON path, such as <c>$.longitude</c> or <c>$.bins[1]</c>.</param>
    /// <param name="Detail">The reason in the request's language.</param>
    /// <param name="DetailZh">The reason in Chinese.</param>
    /// <param name="DetailEn">The reason in English.</param>
    internal sealed record EditError(string Path, string Detail, string DetailZh, string DetailEn);
}
