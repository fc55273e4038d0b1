using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CitySort.Server;

/// <summary>
/// Gives the OpenAPI document its title and description and drops the request-dependent server list, so the served
/// document is the same on every host and port and can be committed (docs/openapi.json).
/// </summary>
internal sealed class CitySortDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "CitySort API",
            Version = "v1",
            Description = "The JSON API of CitySort, the city-level smart sanitation information system for Wenzhou's household-waste sorting programme (W96-A6). Errors are RFC 9457 problem details.",
        };
        document.Servers = [];
        return Task.CompletedTask;
    }
}
