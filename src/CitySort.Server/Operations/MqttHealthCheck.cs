using CitySort.Server.Mqtt;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CitySort.Server.Operations;

/// <summary>
/// Readiness of the MQTT door (issue 12, item 7; docs/events.md, "MQTT"): healthy when the door is off by
/// configuration, when the in-process broker listens, or when the consumer of the external broker is connected;
/// unhealthy while the external broker cannot be reached or the in-process broker has not started.
/// </summary>
internal sealed class MqttHealthCheck(MqttDoor door) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = door.State;
        var result = state switch
        {
            MqttDoorState.Off => HealthCheckResult.Healthy("The MQTT door is off by configuration."),
            MqttDoorState.Listening => HealthCheckResult.Healthy("The in-process MQTT broker listens."),
            MqttDoorState.Connected => HealthCheckResult.Healthy("Connected to the external MQTT broker."),
            MqttDoorState.Disconnected => HealthCheckResult.Unhealthy("The external MQTT broker cannot be reached."),
            _ => HealthCheckResult.Unhealthy("The MQTT door has not started."),
        };
        return Task.FromResult(result);
    }
}
