using CitySort.Collection.Devices;
using CitySort.Server.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Services;

/// <summary>
/// Makes revocations take effect on a running server (docs/events.md, "Devices"): every
/// <see cref="ServerOptions.RevocationCheckInterval"/> of its clock it reads the revoked devices
/// (<see cref="DeviceService.RefreshRevocationsAsync"/>, which also stops their secrets working for HTTP batches
/// whatever a cache remembers) and closes the open MQTT sessions of the newly revoked ones. So a device revoked by
/// <c>citysort devices revoke</c> in another process is dropped within one interval.
/// </summary>
internal sealed class DeviceRevocationWatcher(ServerOptions options, DeviceService devices, MqttDoor door, TimeProvider clock, ILogger<DeviceRevocationWatcher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RevocationCheckInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One check: reads the revocations and drops the sessions of the newly revoked devices.</summary>
    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var revoked = await devices.RefreshRevocationsAsync(cancellationToken);
            if (revoked.Count > 0)
            {
                var closed = await door.DropRevokedAsync(revoked);
                if (closed > 0)
                {
                    logger.LogInformation("Closed {Sessions} MQTT session(s) of revoked device(s) {Devices}", closed, string.Join(", ", revoked));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database may be busy or away for a moment: the next tick tries again.
            logger.LogWarning(e, "Reading the revoked devices failed; trying again at the next check");
        }
    }
}
