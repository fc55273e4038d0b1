using CitySort.Collection;
using CitySort.Collection.Files;
using CitySort.Demo;
using CitySort.Imports;
using CitySort.Registry;
using CitySort.Server.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>POST /api/imports/{kind}</c>: imports one file all-or-nothing (docs/formats.md): divisions, communities, sites or
/// boundaries through <see cref="ImportService"/>; facilities, haulers, vehicles or lines through
/// <see cref="FleetImportService"/>; a weigh tickets or pickups CSV through the event intake
/// (<see cref="EventFileImporter"/>, for the office account <c>office:tickets</c> / <c>office:pickups</c>). The file comes as multipart form data (field <c>file</c>) or
/// as the raw request body (name it with <c>?fileName=</c>). Boundaries need <c>datum=wgs84|gcj02</c> (query or form
/// field): the datum is stated, never guessed.
/// </summary>
internal static class ImportEndpoints
{
    /// <summary>Maps the group under <see cref="AuthorizationPolicyNames.RegistryImport"/>.</summary>
    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/imports")
            .WithTags("Imports")
            .RequireAuthorization(AuthorizationPolicyNames.RegistryImport)
            .MapPost("/{kind}", Import)
            .WithName("Import")
            .WithSummary("Imports a divisions, communities, sites, facilities, haulers, vehicles, lines, tickets or pickups CSV, or a boundaries GeoJSON (datum=wgs84|gcj02), all-or-nothing; 200 with the report (registryHoldsDemo: the illustrative demo city is still there beside the real records), or 422 with every problem as file:line:column and nothing written.")
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "application/geo+json", "application/json", "application/octet-stream")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(
        string kind, HttpRequest request, ImportService imports, FleetImportService fleet, DemoRegistry demo, SiteIndex index, string? fileName, string? datum, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ImportKind>(kind, ignoreCase: true, out var importKind) || int.TryParse(kind, out _))
        {
            return Problems.BadRequest("'" + kind + "' is not a kind of import; use divisions, communities, sites, boundaries, facilities, haulers, vehicles, lines, tickets or pickups.");
        }

        var intake = request.HttpContext.RequestServices.GetService<IEventIntake>();
        if (importKind is ImportKind.Tickets or ImportKind.Pickups && intake is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The event intake is not available", detail: "This server takes in no events, so tickets and pickups cannot be imported.");
        }

        Stream content;
        string name;
        IFormCollection? form = null;
        if (request.HasFormContentType)
        {
            form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null)
            {
                return Problems.BadRequest("The form has no file: send the file in the form field 'file'.");
            }

            content = file.OpenReadStream();
            name = Path.GetFileName(file.FileName);
        }
        else
        {
            content = request.Body;
            name = string.IsNullOrWhiteSpace(fileName) ? "upload" : Path.GetFileName(fileName);
        }

        await using (content)
        {
            ImportReport report;
            switch (importKind)
            {
                case ImportKind.Divisions:
                    report = await imports.ImportDivisionsAsync(content, name, cancellationToken);
                    break;
                case ImportKind.Communities:
                    report = await imports.ImportCommunitiesAsync(content, name, cancellationToken);
                    break;
                case ImportKind.Sites:
                    report = await imports.ImportSitesAsync(content, name, cancellationToken);
                    break;
                case ImportKind.Tickets:
                    report = await new EventFileImporter(intake!).ImportTicketsAsync(content, name, null, cancellationToken);
                    break;
                case ImportKind.Pickups:
                    report = await new EventFileImporter(intake!).ImportPickupsAsync(content, name, null, cancellationToken);
                    break;
                case ImportKind.Facilities:
                    report = await fleet.ImportFacilitiesAsync(content, name, cancellationToken);
                    break;
                case ImportKind.Haulers:
                    report = await fleet.ImportHaulersAsync(content, name, cancellationToken);
                    break;
                case ImportKind.Vehicles:
                    report = await fleet.ImportVehiclesAsync(content, name, cancellationToken);
                    break;
                case ImportKind.Lines:
                    report = await fleet.ImportLinesAsync(content, name, cancellationToken);
                    break;
                default:
                    var datumText = datum ?? form?["datum"].FirstOrDefault();
                    if (!TryParseDatum(datumText, out var parsedDatum))
                    {
                        return Problems.BadRequest("Boundaries need the datum of their coordinates: datum=gcj02 (Chinese map providers, wenzhou_districts.geojson) or datum=wgs84 (GPS, OpenStreetMap)" + (datumText is null ? "." : "; '" + datumText + "' is neither."));
                    }

                    report = await imports.ImportBoundariesAsync(content, name, parsedDatum, cancellationToken);
                    break;
            }

            if (!report.Succeeded)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "The file was not imported",
                    detail: $"{report.Problems.Count} problem(s) found in {report.File}; nothing was written. Correct the rows listed and import the file again.",
                    extensions: new Dictionary<string, object?>
                    {
                        ["file"] = report.File,
                        ["kind"] = report.Kind.ToString(),
                        ["problems"] = report.Problems.Select(p => new ProblemRow(p.File, p.Line, p.Column, p.Field, p.Reason, p.File + ":" + p.Line + ":" + p.Column)).ToList(),
                    });
            }

            if (importKind is ImportKind.Tickets or ImportKind.Pickups)
            {
                return TypedResults.Ok(report);
            }

            index.Invalidate();
            // A real file beside the demo city: the report says so, and the Imports page offers POST /api/demo/remove.
            return TypedResults.Ok(report with { RegistryHoldsDemo = (await demo.StatusAsync(cancellationToken)).Present });
        }
    }

    private static bool TryParseDatum(string? text, out CoordinateDatum datum)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "GCJ02" or "GCJ-02":
                datum = CoordinateDatum.Gcj02;
                return true;
            case "WGS84" or "WGS-84":
                datum = CoordinateDatum.Wgs84;
                return true;
            default:
                datum = default;
                return false;
        }
    }

    /// <summary>One problem of a rejected file, as the 422 response lists it.</summary>
    private sealed record ProblemRow(string File, int Line, int Column, string? Field, string Reason, string Location);
}
