using System.Text.Json;
using CitySort.Collection;

namespace CitySort.Server.Mqtt;

/// <summary>
/// A topic of the CitySort MQTT layout (docs/events.md, "MQTT"): <c>citysort/v1/vehicles/{plate}/pickups</c>,
/// <c>citysort/v1/vehicles/{plate}/gps</c>, <c>citysort/v1/facilities/{code}/tickets</c> and
/// <c>citysort/v1/inspectors/{deviceId}/findings</c>; one event object per message.
/// </summary>
/// <param name="Owner">What the third level names: <c>vehicles</c>, <c>facilities</c> or <c>inspectors</c>.</param>
/// <param name="Key">The plate, facility code or inspector device id of the fourth level.</param>
/// <param name="Kind">The event kind the last level gives.</param>
internal sealed record MqttTopic(string Owner, string Key, EventKind Kind)
{
    /// <summary>The topic filter of every CitySort topic.</summary>
    public const string AllTopics = "citysort/v1/#";

    /// <summary>Reads a topic name, or null when it is not one of the layout's.</summary>
    /// <param name="topic">The topic name of a PUBLISH.</param>
    /// <returns>The parsed topic, or null.</returns>
    public static MqttTopic? TryParse(string? topic)
    {
        var parts = topic?.Split('/');
        if (parts is not { Length: 5 } || parts[0] != "citysort" || parts[1] != "v1" || parts[3].Length == 0)
        {
            return null;
        }

        EventKind? kind = (parts[2], parts[4]) switch
        {
            ("vehicles", "pickups") => EventKind.Pickup,
            ("vehicles", "gps") => EventKind.GpsFix,
            ("facilities", "tickets") => EventKind.WeighTicket,
            ("inspectors", "findings") => EventKind.InspectionFinding,
            _ => null,
        };
        return kind is null ? null : new MqttTopic(parts[2], parts[3], kind.Value);
    }

    /// <summary>
    /// True when <paramref name="device"/> may publish on this topic: a vehicle unit under its own plate, a weighbridge
    /// under its own facility, an inspector's handset under its own id, the demo device anywhere.
    /// </summary>
    /// <param name="device">The authenticated device.</param>
    public bool MaySend(DeviceIdentity device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Kind switch
        {
            DeviceKind.Demo => true,
            DeviceKind.Vehicle => Owner == "vehicles" && string.Equals(Key, device.VehiclePlate, StringComparison.Ordinal),
            DeviceKind.Weighbridge => Owner == "facilities" && string.Equals(Key, device.FacilityCode, StringComparison.Ordinal),
            DeviceKind.Inspector => Owner == "inspectors" && string.Equals(Key, device.DeviceId, StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>
    /// The plate or facility code the payload names (its top-level <c>vehiclePlate</c> for vehicle topics,
    /// <c>facilityCode</c> for facility topics) when it differs from the topic's; null when they agree, when the payload
    /// names none, or when it is not a JSON object (the intake then rejects it with its reason).
    /// </summary>
    /// <param name="payload">The message payload.</param>
    /// <returns>The differing value, or null.</returns>
    public string? PayloadMismatch(ReadOnlySpan<byte> payload)
    {
        var member = Owner switch
        {
            "vehicles" => "vehiclePlate",
            "facilities" => "facilityCode",
            _ => null,
        };
        if (member is null)
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

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMember = reader.ValueTextEquals(member);
                if (!reader.Read())
                {
                    return null;
                }

                if (isMember)
                {
                    var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    return value is null || string.Equals(value, Key, StringComparison.Ordinal) ? null : value;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the intake rejects it as malformed, with the raw payload stored.
        }

        return null;
    }
}
