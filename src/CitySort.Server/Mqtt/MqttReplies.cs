using CitySort.Collection;
using MQTTnet.Protocol;

namespace CitySort.Server.Mqtt;

/// <summary>
/// The MQTT 5 PUBACK reason code for an intake result (MQTT 5.0, section 3.4.2.1): success for accepted and duplicate
/// events; payload format invalid (0x99) for malformed and oversized payloads; not authorized (0x87) for events the
/// device may not send; implementation specific error (0x83) for every other rejection and for conflicts. The reason
/// string is the intake's reason code, a colon and its English reason.
/// </summary>
internal static class MqttReplies
{
    /// <summary>The reason code for <paramref name="result"/>.</summary>
    public static MqttPubAckReasonCode ReasonCode(IntakeResult result) => result.Outcome switch
    {
        IntakeOutcome.Accepted or IntakeOutcome.Duplicate => MqttPubAckReasonCode.Success,
        _ when result.ReasonCode is "malformed" or "too-large" => MqttPubAckReasonCode.PayloadFormatInvalid,
        _ when result.ReasonCode?.StartsWith("not-own", StringComparison.Ordinal) == true => MqttPubAckReasonCode.NotAuthorized,
        _ => MqttPubAckReasonCode.ImplementationSpecificError,
    };

    /// <summary>The reason string for <paramref name="result"/>, or null on success.</summary>
    public static string? ReasonString(IntakeResult result) =>
        result.Outcome is IntakeOutcome.Accepted or IntakeOutcome.Duplicate ? null : (result.ReasonCode ?? "rejected") + ": " + result.Reason;
}
