using System.Buffers;
using System.Net;
using CitySort.Collection;
using CitySort.Collection.Devices;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CitySort.Server.Mqtt;

/// <summary>
/// The in-process MQTT broker (MQTTnet): devices connect with username = device id and password = secret, checked
/// against the device table (anonymous connections only in demo mode); every PUBLISH on a CitySort topic is checked
/// against the device (its own plate, facility or id) and against what the payload names, then handed to the intake
/// through the <see cref="EventBatcher"/> inside MQTTnet's intercepting-publish handler, which MQTTnet awaits before
/// it sends the PUBACK. So the PUBACK of a QoS 1 message leaves only after the intake returned, i.e. after the commit,
/// and carries the outcome as its reason code (<see cref="MqttReplies"/>). A refused message is answered and the
/// connection stays open. CitySort consumes the messages: they are not forwarded to subscribers.
/// </summary>
internal sealed class InProcessMqttBroker : IAsyncDisposable
{
    private const string DeviceItem = "citysort.device";

    private readonly MqttDoorOptions _options;
    private readonly DeviceService _devices;
    private readonly EventBatcher _batcher;
    private readonly bool _anonymousAccepted;
    private readonly ILogger _logger;
    private MqttServer? _server;

    /// <summary>Creates the broker; nothing listens until <see cref="StartAsync"/>.</summary>
    public InProcessMqttBroker(MqttDoorOptions options, DeviceService devices, EventBatcher batcher, bool anonymousAccepted, ILogger logger)
    {
        _options = options;
        _devices = devices;
        _batcher = batcher;
        _anonymousAccepted = anonymousAccepted;
        _logger = logger;
    }

    /// <summary>Starts listening on <see cref="MqttDoorOptions.BindAddress"/>:<see cref="MqttDoorOptions.Port"/>.</summary>
    /// <exception cref="System.Net.Sockets.SocketException">The port is taken.</exception>
    public async Task StartAsync()
    {
        var factory = new MqttServerFactory();
        var serverOptions = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(_options.BindAddress))
            .WithDefaultEndpointPort(_options.Port)
            .Build();
        _server = factory.CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += ValidateAsync;
        _server.InterceptingPublishAsync += InterceptAsync;
        await _server.StartAsync();
        _logger.LogInformation("MQTT broker at mqtt://{Address}:{Port} (topics citysort/v1/...)", _options.BindAddress, _options.Port);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync(new MqttServerStopOptions());
            _server.Dispose();
        }
    }

    private async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        if (string.IsNullOrEmpty(e.UserName) && (e.RawPassword is null || e.RawPassword.Length == 0))
        {
            if (_anonymousAccepted)
            {
                e.SessionItems[DeviceItem] = DeviceService.DemoIdentity;
                return;
            }

            e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
            e.ReasonString = "missing-credentials: connect with username = device id and password = its secret";
            return;
        }

        var authentication = await _devices.AuthenticateAsync(e.UserName, e.Password, e.CancellationToken);
        if (authentication.Identity is null)
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            e.ReasonString = authentication.ReasonCode + ": " + authentication.Reason;
            _logger.LogWarning("MQTT connection of {ClientId} as {Device} refused: {Reason}", e.ClientId, e.UserName, authentication.ReasonCode);
            return;
        }

        e.SessionItems[DeviceItem] = authentication.Identity;
    }

    private async Task InterceptAsync(InterceptingPublishEventArgs e)
    {
        e.ProcessPublish = false;
        if (e.SessionItems[DeviceItem] is not DeviceIdentity device)
        {
            Refuse(e, MqttPubAckReasonCode.NotAuthorized, "missing-credentials", "the connection is not authenticated");
            return;
        }

        var topic = MqttTopic.TryParse(e.ApplicationMessage.Topic);
        if (topic is null)
        {
            Refuse(e, MqttPubAckReasonCode.TopicNameInvalid, "unknown-topic", "the topic is not citysort/v1/vehicles/{plate}/pickups|gps, citysort/v1/facilities/{code}/tickets or citysort/v1/inspectors/{deviceId}/findings");
            return;
        }

        if (!topic.MaySend(device))
        {
            Refuse(e, MqttPubAckReasonCode.NotAuthorized, NotOwn(topic), $"device {device.DeviceId} may not publish under {topic.Owner}/{topic.Key}");
            return;
        }

        var payload = e.ApplicationMessage.Payload.ToArray();
        if (payload.Length <= IEventIntake.MaxPayloadBytes && topic.PayloadMismatch(payload) is { } named)
        {
            Refuse(e, MqttPubAckReasonCode.NotAuthorized, "topic-mismatch", $"the topic names {topic.Key} but the payload names {named}");
            return;
        }

        IntakeResult result;
        try
        {
            result = await _batcher.SubmitAsync(device, new IncomingEvent(topic.Kind, payload, "mqtt:" + e.ApplicationMessage.Topic), e.CancellationToken);
        }
        catch (OperationCanceledException) when (e.CancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Nothing was committed: no PUBACK, the device will send again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "The intake failed for {Topic} from {Device}; the connection is closed without PUBACK so that the device sends again", e.ApplicationMessage.Topic, device.DeviceId);
            e.CloseConnection = true;
            return;
        }

        e.Response.ReasonCode = MqttReplies.ReasonCode(result);
        e.Response.ReasonString = MqttReplies.ReasonString(result);
    }

    private void Refuse(InterceptingPublishEventArgs e, MqttPubAckReasonCode code, string reasonCode, string reason)
    {
        _logger.LogWarning("MQTT publish on {Topic} by {ClientId} refused: {ReasonCode}: {Reason}", e.ApplicationMessage.Topic, e.ClientId, reasonCode, reason);
        e.Response.ReasonCode = code;
        e.Response.ReasonString = reasonCode + ": " + reason;
    }

    /// <summary>The refusal code for a topic that is not the device's: <c>not-own-plate</c>, <c>not-own-facility</c>, <c>not-own-device</c>.</summary>
    public static string NotOwn(MqttTopic topic) => topic.Owner switch
    {
        "vehicles" => "not-own-plate",
        "facilities" => "not-own-facility",
        _ => "not-own-device",
    };
}
