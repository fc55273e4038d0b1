using System.Collections.Concurrent;
using CitySort.Collection;

namespace CitySort.Server.Mqtt;

/// <summary>
/// The QoS 1 messages of one MQTT session that were handed to the intake and whose PUBACKs wait for their commits,
/// keyed by the PUBLISH's packet identifier (1 to 65 535). MQTTnet hands over one connection's messages one at a time
/// and sends the PUBACK when its publish handler returns; the broker's handler returns as soon as the message is queued
/// at the intake (<see cref="Hold"/>), so a device with several messages in flight (an MQTT 5 receive maximum above 1)
/// has all of them in the intake's next commits, and the broker's outbound hook holds each PUBACK until its message's
/// commit (<see cref="TryTake"/>). The PUBACKs leave in the order of the PUBLISHes, as MQTTnet sends one connection's
/// packets one after the other.
/// </summary>
internal sealed class AckWindow
{
    private readonly ConcurrentDictionary<ushort, HeldMessage> _held = new();

    /// <summary>The packet identifier of the QoS 1 PUBLISH being handled on the connection's receive loop (0: none).</summary>
    public ushort Current { get; private set; }

    /// <summary>
    /// Called for every QoS 1 PUBLISH as it arrives, before its handler: it becomes <see cref="Current"/>, and whatever
    /// an earlier connection of the session left under its identifier (a PUBACK never sent) is dropped.
    /// </summary>
    /// <param name="packetIdentifier">The PUBLISH's packet identifier.</param>
    public void Arrived(ushort packetIdentifier)
    {
        Current = packetIdentifier;
        _held.TryRemove(packetIdentifier, out _);
    }

    /// <summary>Holds the PUBACK of the <see cref="Current"/> message until <paramref name="result"/> completes.</summary>
    /// <param name="result">The intake's result for the message, complete after its commit.</param>
    /// <param name="topic">The message's topic (for the log).</param>
    /// <param name="deviceId">The sending device (for the log).</param>
    /// <returns>False when no QoS 1 PUBLISH is being handled (the caller then awaits the result itself).</returns>
    public bool Hold(Task<IntakeResult> result, string topic, string deviceId)
    {
        if (Current == 0)
        {
            return false;
        }

        _held[Current] = new HeldMessage(result, topic, deviceId);
        Current = 0;
        return true;
    }

    /// <summary>Takes the held message of a PUBACK about to be sent, if its PUBLISH was held.</summary>
    /// <param name="packetIdentifier">The PUBACK's packet identifier.</param>
    /// <param name="held">The held message.</param>
    /// <returns>True when the PUBACK must wait for <see cref="HeldMessage.Result"/>.</returns>
    public bool TryTake(ushort packetIdentifier, out HeldMessage held) => _held.TryRemove(packetIdentifier, out held!);
}

/// <summary>A QoS 1 message handed to the intake whose PUBACK waits for <paramref name="Result"/>.</summary>
/// <param name="Result">The intake's result, complete after the commit (faulted or cancelled: no PUBACK).</param>
/// <param name="Topic">The message's topic.</param>
/// <param name="DeviceId">The sending device.</param>
internal sealed record HeldMessage(Task<IntakeResult> Result, string Topic, string DeviceId);
