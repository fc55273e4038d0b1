using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;

namespace CitySort.Server.Endpoints;

/// <summary>
/// Serves the dashboard bundle (ClientApp/, built by npm into wwwroot/ and embedded in this assembly at build time),
/// so the server does not depend on its working directory.
/// </summary>
internal static class DashboardFiles
{
    /// <summary>The embedded dashboard files, or null when the assembly was built without them (SkipClientApp).</summary>
    public static IFileProvider? Provider()
    {
        var assembly = typeof(DashboardFiles).Assembly;
        if (assembly.GetManifestResourceNames().All(n => !n.EndsWith("Microsoft.Extensions.FileProviders.Embedded.Manifest.xml", StringComparison.Ordinal)))
        {
            return null;
        }

        var provider = new ManifestEmbeddedFileProvider(assembly, "wwwroot");
        return provider.GetFileInfo("index.html").Exists ? provider : null;
    }

    /// <summary>
    /// Adds default files (/ serves index.html) and static files. The dashboard routes by the URL fragment, so it
    /// needs no fallback route, and unknown paths stay 404 problem details.
    /// </summary>
    public static void UseDashboard(this WebApplication app)
    {
        var provider = Provider();
        if (provider is null)
        {
            return;
        }

        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = provider });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = provider });
    }
}
