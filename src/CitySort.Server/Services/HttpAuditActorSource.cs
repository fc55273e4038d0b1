using CitySort.Audit;
using Microsoft.AspNetCore.Http;

namespace CitySort.Server.Services;

/// <summary>
/// The actor of a change made by the server: during a request the signed-in user's name (<c>anonymous</c> until sign-in
/// is required) from the request's remote address; outside a request (the violation check, the demo city's seeding)
/// <see cref="AuditActor.System"/>.
/// </summary>
/// <param name="accessor">The current request, if any.</param>
internal sealed class HttpAuditActorSource(IHttpContextAccessor accessor) : IAuditActorSource
{
    /// <inheritdoc />
    public AuditActor Current
    {
        get
        {
            if (accessor.HttpContext is not { } context)
            {
                return AuditActor.System;
            }

            var name = context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } n } ? n : "anonymous";
            return new AuditActor(name, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        }
    }
}
