using CitySort.Exports;
using CitySort.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>GET /api/exports/{table}?format=csv|xlsx</c>: a registry table (districts, streets, communities, sites,
/// facilities, haulers, vehicles, lines) or the coverage or gap list as a CSV file or an Excel workbook, through
/// <see cref="RegistryExporter"/>; no cell can become a formula (docs/formats.md, "Exports").
/// </summary>
internal static class ExportEndpoints
{
    /// <summary>Maps the group under <see cref="AuthorizationPolicyNames.RegistryExport"/>.</summary>
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/exports")
            .WithTags("Exports")
            .RequireAuthorization(AuthorizationPolicyNames.RegistryExport)
            .MapGet("/{table}", Export)
            .WithName("Export")
            .WithSummary("A registry table (districts, streets, communities, sites, facilities, haulers, vehicles, lines) or the coverage or gaps list as CSV (format=csv, the default) or an Excel workbook (format=xlsx); cells beginning with =, +, -, @, tab or CR get a leading apostrophe. A district officer gets the rows of the account's districts (sites, vehicles, lines, coverage, gaps, and the haulers of those vehicles); divisions and facilities are the city's.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        string table, string? format, RegistryExporter exporter, HttpContext context, CancellationToken cancellationToken)
    {
        var kind = (format ?? "csv").Trim().ToLowerInvariant() switch
        {
            "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            _ => (ExportFormat?)null,
        };
        if (kind is null)
        {
            return Problems.BadRequest("format must be csv or xlsx, not '" + format + "'.");
        }

        var content = await exporter.ReadAsync(context.Scope(), table, cancellationToken);
        if (content is null)
        {
            return Problems.NotFound("No table is called '" + table + "'; use " + string.Join(", ", RegistryExporter.Tables) + ".");
        }

        using var buffer = new MemoryStream();
        await ExportWriter.WriteAsync(content, kind.Value, buffer, cancellationToken);
        var extension = kind == ExportFormat.Xlsx ? ".xlsx" : ".csv";
        return TypedResults.File(buffer.ToArray(), ExportWriter.ContentType(kind.Value), "citysort-" + content.Name + extension);
    }
}
