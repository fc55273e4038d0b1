using CitySort.Collection;
using CitySort.Collection.Files;
using CitySort.Compliance;
using CitySort.Demo;
using CitySort.Imports;
using CitySort.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>POST /api/imports/{kind}</c>: imports one file all-or-nothing (docs/formats.md): divisions, communities, sites or
/// boundaries through <see cref="ImportService"/>; facilities, haulers, vehicles or lines through
/// <see cref="FleetImportService"/>; a weigh tickets or pickups CSV through the event intake
/// (<see cref="EventFileImporter"/>, for the office account <c>office:tickets</c> / <c>office:pickups</c>). The file comes as multipart form data (field <c>file</c>) or
/// as the raw request body (name it with <c>?fileName=</c>). Boundaries need <c>datum=wgs84|gcj02</c> (query or form
/// field): the datum is stated, never guessed; <c>allowMovedBoundary=true</c> accepts a boundary that does not overlap
/// the district's previous one. The size limit is <see cref="ImportLimits.MaxFileBytes"/>, the same as the CLI's (413
/// beyond it); other content types than those declared are 415 (routing checks the declared types). Each problem's <c>reason</c> is in the request's
/// language, with <c>reasonZh</c> and <c>reasonEn</c> beside it.
/// </summary>
internal static class ImportEndpoints
{
    /// <summary>The content types an import accepts (also declared in the OpenAPI document).</summary>
    private static readonly string[] AcceptedContentTypes =
        ["multipart/form-data", "text/csv", "application/geo+json", "application/json", "application/octet-stream", "text/plain"];

    /// <summary>The request limit: the file limit plus room for the multipart framing around it.</summary>
    private const long MaxRequestBytes = ImportLimits.MaxFileBytes + (64 * 1024);

    /// <summary>Maps the group under <see cref="AuthorizationPolicyNames.RegistryImport"/>.</summary>
    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/imports")
            .WithTags("Imports")
            .RequireAuthorization(AuthorizationPolicyNames.RegistryImport)
            .MapPost("/{kind}", Import)
            .WithName("Import")
            .WithSummary("Imports a divisions, communities, sites, facilities, haulers, vehicles, lines, tickets or pickups CSV, or a boundaries GeoJSON (datum=wgs84|gcj02), all-or-nothing; 200 with the report (registryHoldsDemo: the illustrative demo city is still there beside the real records), or 422 with every problem as file:line:column and nothing written.")
            .Accepts<IFormFile>(AcceptedContentTypes[0], AcceptedContentTypes[1..])
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(
        string kind, HttpRequest request, ImportService imports, FleetImportService fleet, DemoRegistry demo, SiteIndex index, string? fileName, string? datum, bool? allowMovedBoundary, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ImportKind>(kind, ignoreCase: true, out var importKind) || int.TryParse(kind, out _))
        {
            return Problems.BadRequest(
                "“" + kind + "”不是导入类型；可用：divisions、communities、sites、boundaries、facilities、haulers、vehicles、lines、tickets、pickups。",
                "'" + kind + "' is not a kind of import; use divisions, communities, sites, boundaries, facilities, haulers, vehicles, lines, tickets or pickups.");
        }

        var intake = request.HttpContext.RequestServices.GetService<IEventIntake>();
        if (importKind is ImportKind.Tickets or ImportKind.Pickups && intake is null)
        {
            return Problems.Make(StatusCodes.Status503ServiceUnavailable,
                "本服务器不接收事件，无法导入过磅单和收运记录。", "This server takes in no events, so tickets and pickups cannot be imported.");
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
                return Problems.BadRequest("表单中没有文件：请把文件放在表单字段 file 中。", "The form has no file: send the file in the form field 'file'.");
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
                    if (!CoordinateDatumNames.TryParse(datumText, out var parsedDatum))
                    {
                        return Problems.BadRequest(
                            "区界文件须注明坐标系：datum=gcj02（国内地图服务商、wenzhou_districts.geojson）或 datum=wgs84（GPS、OpenStreetMap）" + (datumText is null ? "。" : "；“" + datumText + "”都不是。"),
                            "Boundaries need the datum of their coordinates: datum=gcj02 (Chinese map providers, wenzhou_districts.geojson) or datum=wgs84 (GPS, OpenStreetMap)" + (datumText is null ? "." : "; '" + datumText + "' is neither."));
                    }

                    var allowMoved = allowMovedBoundary ?? (bool.TryParse(form?["allowMovedBoundary"].FirstOrDefault(), out var moved) && moved);
                    report = await imports.ImportBoundariesAsync(content, name, parsedDatum, allowMoved, cancellationToken);
                    break;
            }

            if (!report.Succeeded)
            {
                var chinese = Problems.PrefersChinese(request);
                return Problems.Make(
                    StatusCodes.Status422UnprocessableEntity,
                    $"{report.File} 有 {report.Problems.Count} 处问题，未写入任何内容。请改正所列各行后重新导入。",
                    $"{report.Problems.Count} problem(s) found in {report.File}; nothing was written. Correct the rows listed and import the file again.",
                    new Dictionary<string, object?>
                    {
                        ["file"] = report.File,
                        ["kind"] = report.Kind.ToString(),
                        ["problems"] = report.Problems.Select(p => new ProblemRow(
                            p.File, p.Line, p.Column, p.Field, p.ReasonFor(chinese), p.ReasonZh ?? p.Reason, p.Reason, p.File + ":" + p.Line + ":" + p.Column)).ToList(),
                    });
            }

            if (importKind is ImportKind.Tickets or ImportKind.Pickups)
            {
                return TypedResults.Ok(report);
            }

            index.Invalidate();
            // The intake and the KPIs (which key their registry on the intake's snapshot) see the import at once.
            request.HttpContext.RequestServices.GetService<RegistrySnapshotSource>()?.Invalidate();
            // A real file beside the demo city: the report says so, and the Imports page offers POST /api/demo/remove.
            return TypedResults.Ok(report with { RegistryHoldsDemo = (await demo.StatusAsync(cancellationToken)).Present });
        }
    }

    /// <summary>One problem of a rejected file, as the 422 response lists it: the reason in the request's language and in both.</summary>
    private sealed record ProblemRow(string File, int Line, int Column, string? Field, string Reason, string ReasonZh, string ReasonEn, string Location);
}
