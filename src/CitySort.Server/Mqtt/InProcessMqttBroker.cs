using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CitySort.Collection;
using CitySort.Collection.Devices;
using Microsoft.Extensions.Logging;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CitySort.Server.Mqtt;

/// <summary>
/// The in-process MQTT broker (MQTTnet): devices connect with username = device id and password = secret, checked
/// against the device table (anonymous connections only in demo mode); every PUBLISH on a CitySort topic is checked
/// against the device (its own plate, facility or id) and against what the payload names, then handed to the intake
/// through the <see cref="EventBatcher"/> inside MQTTnet's intercepting-publish handler. A QoS 1 message is queued at
/// the intake and its PUBACK held by the outbound-packet hook until the message's commit (<see cref="AckWindow"/>), so a
/// device may keep several messages in flight (MQTT 5 receive maximum) and they share commits; other messages are
/// awaited in the handler, which MQTTnet awaits before it answers. So the PUBACK of a QoS 1 message leaves only after
/// the intake returned, i.e. after the commit, and carries the outcome as its reason code (<see cref="MqttReplies"/>). A refused message is answered and the
/// connection stays open. CitySort consumes the messages: they are not forwarded to subscribers. Every refusal of a
/// login or a publish at the door is stored as a rejection through the <see cref="DoorRefusalRecorder"/>, and the
/// sessions of a device that is revoked are closed by <see cref="DisconnectDevicesAsync"/>.
/// </summary>
internal sealed class InProcessMqttBroker : IAsyncDisposable
{
    private const string DeviceItem = "citysort.device";
    private const string WindowItem = "citysort.ack-window";

    private readonly MqttDoorOptions _options;
    private readonly DeviceService _devices;
    private readonly EventBatcher _batcher;
    private readonly bool _anonymousAccepted;
    private readonly ILogger _logger;
    private readonly DoorRefusalRecorder? _refusals;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, string> _sessions = new(StringComparer.Ordinal);
    private MqttServer? _server;

    /// <summary>Creates the broker; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Port and address.</param>
    /// <param name="devices">The device table.</param>
    /// <param name="batcher">Hands messages to the intake.</param>
    /// <param name="anonymousAccepted">Demo mode: anonymous connections speak as the demo device.</param>
    /// <param name="refusals">Stores the refusals, or null to only answer and log them.</param>
    /// <param name="clock">The clock of the refusals.</param>
    /// <param name="logger">Logs refusals and failures.</param>
    public InProcessMqttBroker(MqttDoorOptions options, DeviceService devices, EventBatcher batcher, bool anonymousAccepted, DoorRefusalRecorder? refusals, TimeProvider clock, ILogger logger)
    {
        _options = options;
        _devices = devices;
        _batcher = batcher;
        _anonymousAccepted = anonymousAccepted;
        _refusals = refusals;
        _clock = clock;
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
        _server.InterceptingInboundPacketAsync += e =>
        {
            if (e.Packet is MqttPublishPacket { QualityOfServiceLevel: MqttQualityOfServiceLevel.AtLeastOnce } publish && e.SessionItems[WindowItem] is AckWindow window)
            {
                window.Arrived(publish.PacketIdentifier);
            }

            return Task.CompletedTask;
        };
        _server.InterceptingOutboundPacketAsync += SendingAsync;
        _server.ClientDisconnectedAsync += e =>
        {
            _sessions.TryRemove(e.ClientId, out _);
            return Task.CompletedTask;
        };
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

    /// <summary>
    /// Closes every open session of the devices named (revoked devices, docs/events.md "Devices"), with DISCONNECT
    /// reason 0x87 not authorized.
    /// </summary>
    /// <param name="deviceIds">The revoked device ids.</param>
    /// <returns>How many sessions were closed.</returns>
    public async Task<int> DisconnectDevicesAsync(IReadOnlyCollection<string> deviceIds)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        if (_server is null || deviceIds.Count == 0)
        {
            return 0;
        }

        var revoked = deviceIds.ToHashSet(StringComparer.Ordinal);
        var closed = 0;
        foreach (var (clientId, deviceId) in _sessions)
        {
            if (!revoked.Contains(deviceId))
            {
                continue;
            }

            try
            {
                await _server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions
                {
                    ReasonCode = MqttDisconnectReasonCode.NotAuthorized,
                    ReasonString = ReasonCodes.RevokedDevice + ": this device has been revoked",
                });
                closed++;
                _logger.LogInformation("MQTT session {ClientId} of revoked device {Device} closed", clientId, deviceId);
            }
#pragma warning disable CA1031 // The session may have gone by itself meanwhile.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogDebug(ex, "MQTT session {ClientId} of revoked device {Device} was already gone", clientId, deviceId);
            }

            _sessions.TryRemove(clientId, out _);
        }

        return closed;
    }

    private async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        if (string.IsNullOrEmpty(e.UserName) && (e.RawPassword is null || e.RawPassword.Length == 0))
        {
            if (_anonymousAccepted)
            {
                e.SessionItems[DeviceItem] = DeviceService.DemoIdentity;
                e.SessionItems[WindowItem] = new AckWindow();
                return;
            }

            e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
            e.ReasonString = "missing-credentials: connect with username = device id and password = its secret";
            RecordLogin(e, new EventProblem(ReasonCodes.MissingCredentials,
                "the connection names no device: connect with username = device id and password = its secret",
                "连接未给出设备：请以用户名 = 设备编号、密码 = 其密钥连接"));
            return;
        }

        var authentication = await _devices.AuthenticateAsync(e.UserName, e.Password, e.CancellationToken);
        if (authentication.Identity is null)
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            e.ReasonString = authentication.ReasonCode + ": " + authentication.Reason;
            _logger.LogWarning("MQTT connection of {ClientId} as {Device} refused: {Reason}", e.ClientId, e.UserName, authentication.ReasonCode);
            RecordLogin(e, new EventProblem(authentication.ReasonCode!, authentication.Reason!, authentication.ReasonZh!));
            return;
        }

        e.SessionItems[DeviceItem] = authentication.Identity;
        e.SessionItems[WindowItem] = new AckWindow();
        _sessions[e.ClientId] = authentication.Identity.DeviceId;
    }

    /// <summary>Stores a refused login: the CONNECT described as JSON (client id, username, endpoint), never its password.</summary>
    private void RecordLogin(ValidatingConnectionEventArgs e, EventProblem problem)
    {
        if (_refusals is null)
        {
            return;
        }

        var description = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
        {
            ["clientId"] = e.ClientId,
            ["username"] = e.UserName,
            ["endpoint"] = e.RemoteEndPoint?.ToString(),
            ["passwordBytes"] = (e.RawPassword?.Length ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var deviceId = string.IsNullOrEmpty(e.UserName) ? "(none)" : e.UserName;
        _refusals.Record(new DoorRefusal(_clock.GetUtcNow(), Cut(deviceId), Cut(e.ClientId), "mqtt:connect", null, null, problem, description));
    }

    private static string Cut(string text) => text.Length > 200 ? text[..200] : text;

    private async Task InterceptAsync(InterceptingPublishEventArgs e)
    {
        e.ProcessPublish = false;
        if (e.SessionItems[DeviceItem] is not DeviceIdentity device)
        {
            Refuse(e, null, null, MqttPubAckReasonCode.NotAuthorized, new EventProblem(ReasonCodes.MissingCredentials, "the connection is not authenticated", "连接未经认证"));
            return;
        }

        var topic = MqttTopic.TryParse(e.ApplicationMessage.Topic);
        if (topic is null)
        {
            Refuse(e, device, null, MqttPubAckReasonCode.TopicNameInvalid, DoorReasons.UnknownTopic(e.ApplicationMessage.Topic ?? string.Empty));
            return;
        }

        if (!topic.MaySend(device))
        {
            Refuse(e, device, topic, MqttPubAckReasonCode.NotAuthorized, DoorReasons.NotOwn(NotOwn(topic), device.DeviceId, topic.Owner, topic.Key));
            return;
        }

        var payload = e.ApplicationMessage.Payload.ToArray();
        if (payload.Length <= IEventIntake.MaxPayloadBytes && topic.PayloadMismatch(payload) is { } named)
        {
            Refuse(e, device, topic, MqttPubAckReasonCode.NotAuthorized, DoorReasons.TopicMismatch(topic.Key, named), payload);
            return;
        }

        var incoming = new IncomingEvent(topic.Kind, payload, "mqtt:" + e.ApplicationMessage.Topic);
        if (e.ApplicationMessage.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtLeastOnce && e.SessionItems[WindowItem] is AckWindow window
            && window.Hold(_batcher.SubmitAsync(device, incoming, CancellationToken.None), e.ApplicationMessage.Topic, device.DeviceId))
        {
            // The PUBACK is held by SendingAsync until the commit; the connection's next message is read meanwhile.
            return;
        }

        IntakeResult result;
        try
        {
            result = await _batcher.SubmitAsync(device, incoming, e.CancellationToken);
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

    /// <summary>
    /// MQTTnet's outbound hook, awaited on the connection's send loop before each packet: a PUBACK whose message was
    /// held (<see cref="AckWindow"/>) waits for the message's commit and carries its outcome; when the intake failed
    /// (or the connection is closing) the PUBACK is not sent and the connection is closed, so the device sends again.
    /// </summary>
    private async Task SendingAsync(InterceptingPacketEventArgs e)
    {
        if (e.Packet is not MqttPubAckPacket ack || e.SessionItems[WindowItem] is not AckWindow window || !window.TryTake(ack.PacketIdentifier, out var held))
        {
            return;
        }

        IntakeResult result;
        try
        {
            result = await held.Result.WaitAsync(e.CancellationToken);
        }
#pragma warning disable CA1031 // Nothing was committed (or the connection is gone): no PUBACK, the device will send again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            e.ProcessPacket = false;
            if (e.CancellationToken.IsCancellationRequested)
            {
                return;
            }

            _logger.LogError(ex, "The intake failed for {Topic} from {Device}; the connection is closed without PUBACK so that the device sends again", held.Topic, held.DeviceId);
            _ = CloseAsync(e.ClientId);
            return;
        }

        ack.ReasonCode = MqttReplies.ReasonCode(result);
        ack.ReasonString = MqttReplies.ReasonString(result);
    }

    private async Task CloseAsync(string clientId)
    {
        try
        {
            await _server!.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.UnspecifiedError });
        }
#pragma warning disable CA1031 // The session may have gone by itself meanwhile.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogDebug(ex, "MQTT session {ClientId} was already gone", clientId);
        }
    }

    private void Refuse(InterceptingPublishEventArgs e, DeviceIdentity? device, MqttTopic? topic, MqttPubAckReasonCode code, EventProblem problem, byte[]? payload = null)
    {
        _logger.LogWarning("MQTT publish on {Topic} by {ClientId} refused: {ReasonCode}: {Reason}", e.ApplicationMessage.Topic, e.ClientId, problem.Code, problem.Reason);
        e.Response.ReasonCode = code;
        e.Response.ReasonString = problem.Code + ": " + problem.Reason;
        if (_refusals is not null)
        {
            payload ??= e.ApplicationMessage.Payload.ToArray();
            _refusals.Record(new DoorRefusal(
                _clock.GetUtcNow(), device?.DeviceId ?? "(none)", Cut(e.ClientId), "mqtt:" + Cut(e.ApplicationMessage.Topic ?? string.Empty),
                DoorReasons.EventIdOf(payload), topic?.Kind, problem, payload));
        }
    }

    /// <summary>The refusal code for a topic that is not the device's: <c>not-own-plate</c>, <c>not-own-facility</c>, <c>not-own-device</c>.</summary>
    public static string NotOwn(MqttTopic topic) => topic.Owner switch
    {
        "vehicles" => "not-own-plate",
        "facilities" => "not-own-facility",
        _ => "not-own-device",
    };
}
