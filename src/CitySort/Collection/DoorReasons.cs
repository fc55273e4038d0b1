using System.Text.Json;

namespace CitySort.Collection;

/// <summary>
/// The reasons, in English and Chinese, of the doors' own refusals (docs/events.md, "Refusals at the doors"), and the
/// event id of a refused payload where it has one.
/// </summary>
public static class DoorReasons
{
    /// <summary>The topic is not one of the layout's (<see cref="ReasonCodes.UnknownTopic"/>).</summary>
    /// <param name="topic">The topic as published.</param>
    public static EventProblem UnknownTopic(string topic) => new(
        ReasonCodes.UnknownTopic,
        $"the topic '{topic}' is not citysort/v1/vehicles/{{plate}}/pickups|gps, citysort/v1/facilities/{{code}}/tickets or citysort/v1/inspectors/{{deviceId}}/findings",
        $"主题“{topic}”不是 citysort/v1/vehicles/{{车牌}}/pickups|gps、citysort/v1/facilities/{{编码}}/tickets 或 citysort/v1/inspectors/{{设备编号}}/findings");

    /// <summary>The topic is not the device's own (<c>not-own-plate</c>, <c>not-own-facility</c>, <c>not-own-device</c>).</summary>
    /// <param name="code">The reason code.</param>
    /// <param name="deviceId">The publishing device.</param>
    /// <param name="owner">The topic's third level (<c>vehicles</c>, <c>facilities</c>, <c>inspectors</c>).</param>
    /// <param name="key">The topic's fourth level (plate, facility code, inspector id).</param>
    public static EventProblem NotOwn(string code, string deviceId, string owner, string key) => new(
        code,
        $"device {deviceId} may not publish under {owner}/{key}: a device publishes only for its own plate, facility or id",
        $"设备 {deviceId} 无权在 {owner}/{key} 下发布：设备只能为本车、本设施或本机上报");

    /// <summary>The payload names another plate or facility than the topic (<see cref="ReasonCodes.TopicMismatch"/>).</summary>
    /// <param name="key">The topic's plate or facility.</param>
    /// <param name="named">What the payload names.</param>
    public static EventProblem TopicMismatch(string key, string named) => new(
        ReasonCodes.TopicMismatch,
        $"the topic names {key} but the payload names {named}",
        $"主题为 {key}，报文却为 {named}");

    /// <summary>No registered active device speaks for the topic (external broker; <see cref="ReasonCodes.UnknownDevice"/>).</summary>
    /// <param name="owner">The topic's third level.</param>
    /// <param name="key">The topic's fourth level.</param>
    public static EventProblem NoDeviceFor(string owner, string key) => new(
        ReasonCodes.UnknownDevice,
        $"no active device is registered for {owner}/{key}",
        $"没有为 {owner}/{key} 登记的有效设备");

    /// <summary>The event id (<c>eventId</c>, else <c>ticketId</c>) of a JSON object payload, or null when it has none or is not JSON.</summary>
    /// <param name="payload">The payload.</param>
    public static string? EventIdOf(ReadOnlySpan<byte> payload)
    {
        if (payload.Length == 0 || payload.Length > IEventIntake.MaxPayloadBytes)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? ticket = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEvent = reader.ValueTextEquals("eventId");
                var isTicket = reader.ValueTextEquals("ticketId");
                if (!reader.Read())
                {
                    return null;
                }

                if ((isEvent || isTicket) && reader.TokenType == JsonTokenType.String)
                {
                    var value = reader.GetString();
                    if (isEvent && !string.IsNullOrEmpty(value) && value.Length <= 64)
                    {
                        return value;
                    }

                    ticket ??= isTicket && value?.Length <= 64 ? value : null;
                    continue;
                }

                reader.Skip();
            }

            return ticket;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
