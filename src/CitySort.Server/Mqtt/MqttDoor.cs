using CitySort.Collection;
using CitySort.Collection.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Mqtt;

/// <summary>
/// The MQTT door as a hosted service (docs/events.md, "MQTT"): starts the in-process broker, or the consumer of the
/// external broker named by <see cref="MqttDoorOptions.BrokerUrl"/>, or nothing when <see cref="MqttDoorOptions.Enabled"/>
/// is false or no intake is registered. Registered after the registry start-up, so the device table is migrated first.
/// </summary>
internal sealed class MqttDoor(ServerOptions options, IServiceProvider services, DeviceService devices, DoorRefusalRecorder refusals, TimeProvider clock, ILoggerFactory loggers) : IHostedService
{
    private EventBatcher? _batcher;
    private InProcessMqttBroker? _broker;
    private ExternalMqttConsumer? _consumer;
    private volatile bool _off;

    /// <summary>The consumer of the external broker, when there is one (tests wait on its first connection).</summary>
    public ExternalMqttConsumer? Consumer => _consumer;

    /// <summary>What the door is doing now (off, listening, connected to the external broker or not).</summary>
    public MqttDoorState State => _consumer is not null
        ? (_consumer.IsConnected ? MqttDoorState.Connected : MqttDoorState.Disconnected)
        : _broker is not null ? MqttDoorState.Listening : _off ? MqttDoorState.Off : MqttDoorState.Starting;

    /// <summary>
    /// Drops what the door holds for revoked devices: closes their sessions on the in-process broker, and makes the
    /// consumer of an external broker look its topics' devices up again.
    /// </summary>
    /// <param name="deviceIds">The newly revoked device ids.</param>
    /// <returns>How many MQTT sessions were closed.</returns>
    public async Task<int> DropRevokedAsync(IReadOnlyCollection<string> deviceIds)
    {
        _consumer?.ForgetDevices();
        return _broker is null ? 0 : await _broker.DisconnectDevicesAsync(deviceIds);
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mqtt = options.Mqtt;
        var logger = loggers.CreateLogger("CitySort.Server.Mqtt");
        if (!mqtt.Enabled)
        {
            _off = true;
            return;
        }

        var intake = services.GetService<IEventIntake>();
        if (intake is null)
        {
            logger.LogWarning("No event intake is registered: the MQTT door stays closed.");
            _off = true;
            return;
        }

        _batcher = new EventBatcher(intake, TimeSpan.FromMilliseconds(mqtt.BatchLingerMilliseconds), clock);
        if (mqtt.BrokerUrl is not null)
        {
            _consumer = new ExternalMqttConsumer(mqtt, devices, _batcher, options.AnonymousDevicesAccepted, refusals, clock, logger);
            _consumer.Start();
            return;
        }

        var broker = new InProcessMqttBroker(mqtt, devices, _batcher, options.AnonymousDevicesAccepted, refusals, clock, logger);
        await broker.StartAsync();
        _broker = broker;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        if (_consumer is not null)
        {
            await _consumer.DisposeAsync();
        }

        if (_batcher is not null)
        {
            await _batcher.DisposeAsync();
        }
    }
}
