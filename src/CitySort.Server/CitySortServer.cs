using System.Text.Json.Serialization;
using CitySort.Collection;
using CitySort.Compliance;
using CitySort.Planning;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Security;
using CitySort.Server.Endpoints;
using CitySort.Server.Live;
using CitySort.Server.Mqtt;
using CitySort.Server.Operations;
using CitySort.Server.Security;
using CitySort.Server.Services;
using CitySort.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;

namespace CitySort.Server;

/// <summary>
/// Composes the CitySort web host: storage, policy profile, the JSON API grouped per capability (each group with its
/// authorization policy name), RFC 9457 problem details for every error, the OpenAPI document at
/// <c>/openapi/v1.json</c>, the API reference page at <c>/api/reference</c>, and the embedded dashboard at <c>/</c>.
/// Used by <c>citysort serve</c> and by the API and browser tests.
/// </summary>
public static class CitySortServer
{
    /// <summary>The name of the OpenAPI document (served at <c>/openapi/v1.json</c>).</summary>
    public const string OpenApiDocumentName = "v1";

    /// <summary>
    /// Builds the application from <paramref name="options"/>. Nothing runs until the caller starts it
    /// (<c>RunAsync</c>/<c>StartAsync</c>); on start the database is migrated and, when it is empty and
    /// <see cref="ServerOptions.SeedDemo"/> is set, filled with the demo city.
    /// </summary>
    /// <param name="options">Where to listen, which database and profile to use.</param>
    /// <returns>The configured application.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="options"/> is null.</exception>
    public static WebApplication Build(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CitySortServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(options.Urls);
        // Kestrel reads long request lines so that the API itself answers 414 with a problem document (Problems.MaxUriLength).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = Problems.KestrelMaxRequestLineBytes);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(LoadProfile(options));
        builder.Services.AddSingleton(TimeProvider.System);
        // Before the storage: changes made by the server are recorded under the request's user and address.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<CitySort.Audit.IAuditActorSource, HttpAuditActorSource>();
        builder.Services.AddCitySortStorage(options.Storage);
        builder.Services.AddCitySortPlanning(options.Planning);
        builder.Services.AddCitySortCollection();
        builder.Services.AddCitySortLive();
        builder.Services.AddCitySortViolations();
        builder.Services.AddSingleton<SiteIndex>();
        builder.Services.AddSingleton<CoverageService>();
        builder.Services.AddSingleton<CitySort.Assessment.PublicProgressService>();
        builder.Services.AddSingleton<DivisionService>();
        builder.Services.AddSingleton<SiteQueryService>();
        builder.Services.AddSingleton<CitySort.Imports.FleetImportService>();
        builder.Services.AddSingleton<CitySort.Exports.RegistryExporter>();
        builder.Services.AddSingleton<CitySort.Registry.RegistryEditService>();
        builder.Services.AddSingleton<RegistryReadiness>();
        builder.Services.AddHostedService<RegistryStartup>();

        // After the registry start-up: the device table is migrated before the first device connects.
        builder.Services.AddSingleton<MqttDoor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MqttDoor>());
        builder.Services.AddHostedService<DeviceRevocationWatcher>();
        // A request the server cannot bind (a query value of the wrong kind, a body over the size limit) is the
        // client's error: it becomes a problem document with its status and the reason, not a bare 400 or a 500.
        // Every problem document is put in the request's language (Accept-Language; Chinese by default).
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddCitySortHealthChecks();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Localize);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Sign-in: Identity's users and roles in the registry's database, a cookie for the dashboard (docs/security.md).
        builder.Services.AddCitySortIdentityStores()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<CitySortClaimsFactory>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(ConfigureSignInCookie);
        if (options.SingleSignOn is { } sso)
        {
            // The city's single sign-on, only when configured; it signs in to the same cookie (docs/security.md).
            builder.Services.AddAuthentication().AddOpenIdConnect(SingleSignOn.Scheme, o => SingleSignOn.Configure(o, sso));
        }

        builder.Services.AddSingleton<SetupLink>();
        builder.Services.AddHostedService<SetupLinkAnnouncer>();
        builder.Services.AddAuthorization(AuthorizationPolicies.AddTo);
        // The sign-in cookie's security stamp is checked against the account on every request, so that a changed
        // role or scope, or a disabled account, ends the sign-ins made before (UserAccounts.ChangeAsync).
        // The check does not renew the cookie, so that sign-out cannot be undone by an answer still in flight.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddScoped<ISecurityStampValidator, StampCheckingValidator>();
        builder.Services.AddCookieWriteAntiforgery();
        builder.Services.AddCitySortRateLimits(options.WritePermitsPerMinute, options.SignInPermitsPerMinute);
        builder.Services.AddOpenApi(OpenApiDocumentName, o => o.AddDocumentTransformer<CitySortDocumentTransformer>());

        if (options.EventIntake is not null)
        {
            // Registered last, so it replaces the stored intake for every door.
            builder.Services.AddSingleton(options.EventIntake);
        }

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseUriLengthLimit();
        app.UseDashboard();
        app.Use(async (context, next) =>
        {
            // The API answers once the registry is migrated and seeded; the dashboard's files do not wait.
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && !context.Request.Path.StartsWithSegments("/api/reference", StringComparison.OrdinalIgnoreCase))
            {
                await context.RequestServices.GetRequiredService<RegistryReadiness>().WaitAsync(context.RequestAborted);
            }

            await next(context);
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseCookieWriteAntiforgery();

        app.MapAuthEndpoints();
        app.MapDistrictEndpoints();
        app.MapSiteEndpoints();
        app.MapFleetEndpoints();
        app.MapRegistryEditEndpoints();
        app.MapCoverageEndpoints();
        app.MapBoundaryEndpoints();
        app.MapImportEndpoints();
        app.MapDemoEndpoints();
        app.MapExportEndpoints();
        app.MapProfileEndpoints();
        app.MapPlanEndpoints();
        app.MapCollectionEndpoints();
        app.MapLiveEndpoints();
        app.MapEventEndpoints();
        app.MapViolationEndpoints();
        app.MapPublicEndpoints();
        app.MapAuditEndpoints();
        app.MapUserEndpoints();

        app.MapHealthEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(AuthorizationPolicyNames.ApiReference);

        // The reference page speaks only to this server: no AI chat, no MCP, no SDK generator, no request proxy,
        // no telemetry and no fonts from a CDN (issue 12, item 7).
        app.MapScalarApiReference(SecurityHeaders.ReferencePath, o => o
            .WithTitle("CitySort API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableAgent()
            .DisableMcp()
            .HideClientButton()
            .DisableTelemetry()
            .DisableDefaultFonts())
            .RequireAuthorization(AuthorizationPolicyNames.ApiReference);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CitySort.Server");
            foreach (var address in ListeningAddresses(app))
            {
                logger.LogInformation("CitySort dashboard at {Address}/ and API reference at {Address}/api/reference", address, address);
            }
        });
        return app;
    }

    /// <summary>
    /// The sign-in cookie: HTTP-only, same-site strict (never sent with a request from another site), 8 hours sliding;
    /// an API request without a valid sign-in gets 401 and one whose role lacks the policy 403 (no redirect).
    /// </summary>
    private static void ConfigureSignInCookie(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "citysort.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        o.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// The profile of <paramref name="options"/>: <see cref="ServerOptions.Profile"/>, else the file at
    /// <see cref="ServerOptions.ProfilePath"/>, else the shipped default.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the profile file does not validate; the message lists every problem.</exception>
    private static PolicyProfile LoadProfile(ServerOptions options)
    {
        if (options.Profile is not null)
        {
            return options.Profile;
        }

        if (options.ProfilePath is null)
        {
            return ProfileLoader.LoadDefault();
        }

        var result = ProfileLoader.LoadFile(options.ProfilePath);
        return result.Profile ?? throw new InvalidOperationException(
            "The policy profile " + options.ProfilePath + " is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors));
    }

    /// <summary>The addresses the started application listens on (with the real port when port 0 was asked).</summary>
    /// <param name="app">A started application.</param>
    /// <returns>Absolute URLs without a trailing slash, such as <c>http://127.0.0.1:5080</c>.</returns>
    public static IReadOnlyList<string> ListeningAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feature = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return feature?.Addresses.Select(a => a.TrimEnd('/')).ToList() ?? [];
    }
}
