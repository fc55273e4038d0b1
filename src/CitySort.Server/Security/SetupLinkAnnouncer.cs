using CitySort.Security;
using CitySort.Server.Services;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Security;

/// <summary>
/// Once the server listens and the registry is migrated: when no user account exists, issues the one-time set-up
/// link (<see cref="SetupLink"/>) and prints it, one line per listening address, so that the first city
/// administrator can choose a password without any default one.
/// </summary>
internal sealed class SetupLinkAnnouncer(
    IHostApplicationLifetime lifetime, RegistryReadiness readiness, IServiceScopeFactory scopes, SetupLink link, IServer server, ILogger<SetupLinkAnnouncer> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        await readiness.WaitAsync(stoppingToken);
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<UserAccounts>().AnyAsync(stoppingToken))
        {
            return;
        }

        var token = link.Issue();
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => a.TrimEnd('/')).ToList() ?? [];
        foreach (var address in addresses)
        {
            logger.LogWarning(
                "No user account yet. Open this one-time link within {Minutes} minutes to choose the first administrator's name and password / 尚无用户：请在 {Minutes} 分钟内打开此一次性链接，设置第一位管理员: {Link}",
                (int)SetupLink.Lifetime.TotalMinutes, (int)SetupLink.Lifetime.TotalMinutes, address + "/#/setup/" + token);
        }
    }
}
