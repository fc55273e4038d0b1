using System.Buffers;
using System.Threading.Channels;
using CitySort.Collection;
using CitySort.Collection.Devices;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CitySort.Server.Mqtt;

/// <summary>
/// Consumes an external broker (Mosquitto, EMQX…) with an MQTT 5 shared subscription
/// <c>$share/citysort/citysort/v1/#</c> (MQTT 5.0, section 4.8.2), so that several CitySort servers share the load:
/// the broker gives each message to one of them. The broker authenticates the devices and its ACLs decide who may
/// publish where; CitySort takes the device from the topic (the active registered device of the plate, facility or
/// inspector id; the demo device in demo mode when none is registered) and checks that the payload names the topic's
/// plate or facility. QoS 1 messages are acknowledged manually, in the order they arrived, only after the intake
/// returned for them; when the intake fails, nothing is acknowledged and the consumer reconnects, so the broker sends
/// the messages again (with DUP set) to this server or another.
/// </summary>
internal sealed class ExternalMqttConsumer : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DeviceCacheTime = TimeSpan.FromSeconds(30);

    private readonly MqttDoorOptions _options;
    private readonly DeviceService _devices;
    private readonly EventBatcher _batcher;
    private readonly bool _anonymousAccepted;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly DoorRefusalRecorder? _refusals;
    private readonly Channel<MqttApplicationMessageReceivedEventArgs> _received = Channel.CreateUnbounded<MqttApplicationMessageReceivedEventArgs>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Dictionary<(string Owner, string Key), (DeviceIdentity? Device, DateTimeOffset Until)> _deviceCache = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly IMqttClient _client;
    private Task _run = Task.CompletedTask;
    private volatile bool _forget;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the consumer; nothing connects until <see cref="Start"/>.</summary>
    public ExternalMqttConsumer(MqttDoorOptions options, DeviceService devices, EventBatcher batcher, bool anonymousAccepted, DoorRefusalRecorder? refusals, TimeProvider clock, ILogger logger)
    {
        _refusals = refusals;
        _options = options;
        _devices = devices;
        _batcher = batcher;
        _anonymousAccepted = anonymousAccepted;
        _clock = clock;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            e.AutoAcknowledge = false;
            _received.Writer.TryWrite(e);
            return Task.CompletedTask;
        };
    }

    /// <summary>Completes when the consumer has connected and subscribed for the first time.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Whether the client is connected to the external broker at this moment.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Starts connecting (retrying every 2 s while the broker is away) and consuming.</summary>
    public void Start() => _run = Task.Run(() => RunAsync(_stopping.Token));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _received.Writer.TryComplete();
        await _run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build())
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _client.Dispose();
        _stopping.Dispose();
    }

    private MqttClientOptions ClientOptions()
    {
        var url = _options.BrokerUrl!;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(url.Host, url.Port > 0 ? url.Port : MqttDoorOptions.DefaultPort)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(_options.ClientId ?? "citysort-" + Guid.NewGuid().ToString("N")[..12])
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30));
        if (_options.Username is not null)
        {
            builder = builder.WithCredentials(_options.Username, _options.Password);
        }

        return builder.Build();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = ClientOptions();
        var consuming = Task.Run(() => ConsumeAsync(cancellationToken), CancellationToken.None);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    var connected = await _client.ConnectAsync(options, cancellationToken);
                    if (connected.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        _logger.LogWarning("MQTT broker {Broker} refused the connection: {Code} {Reason}", _options.BrokerUrl, connected.ResultCode, connected.ReasonString);
                        await Task.Delay(RetryDelay, _clock, cancellationToken);
                        continue;
                    }

                    var subscribe = new MqttClientSubscribeOptionsBuilder()
                        .WithTopicFilter("$share/" + MqttDoorOptions.ShareGroup + "/" + MqttTopic.AllTopics, MqttQualityOfServiceLevel.AtLeastOnce)
                        .Build();
                    await _client.SubscribeAsync(subscribe, cancellationToken);
                    _logger.LogInformation("MQTT consumer connected to {Broker} ($share/{Group}/{Topics})", _options.BrokerUrl, MqttDoorOptions.ShareGroup, MqttTopic.AllTopics);
                    _connected.TrySetResult();
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
#pragma warning disable CA1031 // The broker may be away for a while: keep trying.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _logger.LogWarning("MQTT broker {Broker} not reachable ({Reason}); trying again", _options.BrokerUrl, e.Message);
                }
            }

            try
            {
                await Task.Delay(RetryDelay, _clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await consuming.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        var reader = _received.Reader;
        var batch = new List<MqttApplicationMessageReceivedEventArgs>();
        var answers = new List<Task<IntakeResult>?>();
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            batch.Clear();
            answers.Clear();
            while (batch.Count < IEventIntake.MaxBatchSize && reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            // Every message goes to the batcher before any is awaited, so the batcher submits them together.
            foreach (var message in batch)
            {
                answers.Add(await StartAsync(message, cancellationToken));
            }

            var failed = false;
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                if (answers[i] is { } answer)
                {
                    try
                    {
                        var result = await answer;
                        message.ReasonCode = (MqttApplicationMessageReceivedReasonCode)(int)MqttReplies.ReasonCode(result);
                        message.ResponseReasonString = MqttReplies.ReasonString(result);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }
#pragma warning disable CA1031 // Nothing committed for this message: leave it unacknowledged and reconnect for redelivery.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        _logger.LogError(e, "The intake failed for {Topic}; reconnecting so that the broker sends the unacknowledged messages again", message.ApplicationMessage.Topic);
                        failed = true;
                        break;
                    }
                }

                if (message.ApplicationMessage.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce)
                {
                    await message.AcknowledgeAsync(cancellationToken);
                }
            }

            if (failed)
            {
                while (reader.TryRead(out _))
                {
                    // Dropped unacknowledged: the broker sends them again after the reconnection.
                }

                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.UnspecifiedError).Build(), cancellationToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Checks one message and hands it to the batcher; null when it was refused here (its reason code set).</summary>
    private async Task<Task<IntakeResult>?> StartAsync(MqttApplicationMessageReceivedEventArgs message, CancellationToken cancellationToken)
    {
        var topic = MqttTopic.TryParse(message.ApplicationMessage.Topic);
        if (topic is null)
        {
            return Refuse(message, null, null, MqttApplicationMessageReceivedReasonCode.TopicNameInvalid, DoorReasons.UnknownTopic(message.ApplicationMessage.Topic ?? string.Empty));
        }

        var device = await DeviceForAsync(topic, cancellationToken);
        if (device is null)
        {
            return Refuse(message, null, topic, MqttApplicationMessageReceivedReasonCode.NotAuthorized, DoorReasons.NoDeviceFor(topic.Owner, topic.Key));
        }

        var payload = message.ApplicationMessage.Payload.ToArray();
        if (payload.Length <= IEventIntake.MaxPayloadBytes && topic.PayloadMismatch(payload) is { } named)
        {
            return Refuse(message, device, topic, MqttApplicationMessageReceivedReasonCode.NotAuthorized, DoorReasons.TopicMismatch(topic.Key, named));
        }

        return _batcher.SubmitAsync(device, new IncomingEvent(topic.Kind, payload, "mqtt:" + message.ApplicationMessage.Topic), cancellationToken);
    }

    private Task<IntakeResult>? Refuse(MqttApplicationMessageReceivedEventArgs message, DeviceIdentity? device, MqttTopic? topic, MqttApplicationMessageReceivedReasonCode code, EventProblem problem)
    {
        var name = message.ApplicationMessage.Topic ?? string.Empty;
        _logger.LogWarning("MQTT message on {Topic} refused: {ReasonCode}: {Reason}", name, problem.Code, problem.Reason);
        message.ReasonCode = code;
        message.ResponseReasonString = problem.Code + ": " + problem.Reason;
        if (_refusals is not null)
        {
            // The broker authenticated the publisher; CitySort knows the device only by the topic it speaks for.
            var payload = message.ApplicationMessage.Payload.ToArray();
            var deviceId = device?.DeviceId ?? (topic is null ? "(none)" : topic.Owner + "/" + topic.Key);
            _refusals.Record(new DoorRefusal(_clock.GetUtcNow(), deviceId, null, "mqtt:" + (name.Length > 200 ? name[..200] : name),
                DoorReasons.EventIdOf(payload), topic?.Kind, problem, payload));
        }

        return null;
    }

    /// <summary>Forgets the cached devices of the topics, so that a revoked device stops speaking for its topic at once.</summary>
    public void ForgetDevices() => _forget = true;

    /// <summary>The device a topic speaks for (cached for 30 s), the demo device in demo mode when none is registered, or null.</summary>
    private async Task<DeviceIdentity?> DeviceForAsync(MqttTopic topic, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_forget)
        {
            _forget = false;
            _deviceCache.Clear();
        }

        if (_deviceCache.TryGetValue((topic.Owner, topic.Key), out var cached) && cached.Until > now)
        {
            return cached.Device;
        }

        var device = topic.Owner switch
        {
            "vehicles" => await _devices.FindActiveAsync(topic.Key, null, null, cancellationToken),
            "facilities" => await _devices.FindActiveAsync(null, topic.Key, null, cancellationToken),
            _ => await _devices.FindActiveAsync(null, null, topic.Key, cancellationToken),
        };
        device ??= _anonymousAccepted ? DeviceService.DemoIdentity : null;
        _deviceCache[(topic.Owner, topic.Key)] = (device, now + DeviceCacheTime);
        return device;
    }
}
