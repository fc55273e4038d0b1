namespace CitySort.Collection;

/// <summary>
/// The stable reason codes of conflicts and rejections (docs/events.md, "Reason codes"), with their English and
/// Chinese wording. Doors and clients match on the code; the texts are for people.
/// </summary>
public static class ReasonCodes
{
    /// <summary>Not a JSON object, or a member missing, of the wrong type or format.</summary>
    public const string Malformed = "malformed";

    /// <summary>The kind is missing or not pickup, gps, ticket or finding.</summary>
    public const string UnknownKind = "unknown-kind";

    /// <summary>The payload is larger than <see cref="IEventIntake.MaxPayloadBytes"/>.</summary>
    public const string TooLarge = "too-large";

    /// <summary>The vehicle, site or facility the event names was retired before the event's time (docs/registry.md, "Retiring").</summary>
    public const string Retired = "retired";

    /// <summary>A value is out of its range.</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>No vehicle with the plate in the registry.</summary>
    public const string UnknownVehicle = "unknown-vehicle";

    /// <summary>No site with the code in the registry.</summary>
    public const string UnknownSite = "unknown-site";

    /// <summary>The bin is not a bin of the site.</summary>
    public const string UnknownBin = "unknown-bin";

    /// <summary>No facility with the code in the registry.</summary>
    public const string UnknownFacility = "unknown-facility";

    /// <summary>A finding names a clause the profile does not know.</summary>
    public const string UnknownClause = "unknown-clause";

    /// <summary>Net ≠ gross − tare.</summary>
    public const string NetMismatch = "net-mismatch";

    /// <summary>Tare greater than gross.</summary>
    public const string TareExceedsGross = "tare-exceeds-gross";

    /// <summary>Net beyond the vehicle's registered capacity.</summary>
    public const string NetOverCapacity = "net-over-capacity";

    /// <summary>Time out before time in.</summary>
    public const string TimeOutBeforeIn = "time-out-before-in";

    /// <summary>A time ahead of the server's clock by more than the tolerance.</summary>
    public const string FutureTime = "future-time";

    /// <summary>A time older than the plausible age.</summary>
    public const string TooOld = "too-old";

    /// <summary>A point far outside the city.</summary>
    public const string OutsideCity = "outside-city";

    /// <summary>A vehicle's device reported for another plate.</summary>
    public const string NotOwnPlate = "not-own-plate";

    /// <summary>A weighbridge reported for another facility.</summary>
    public const string NotOwnFacility = "not-own-facility";

    /// <summary>The device may not report this kind of event.</summary>
    public const string NotDeviceKind = "not-device-kind";

    /// <summary>The same (device, event id) was stored before with other content.</summary>
    public const string Conflict = "conflict";

    /// <summary>Another row of the file was refused, so nothing of the file was stored.</summary>
    public const string FileRejected = "file-rejected";

    /// <summary>(MQTT door) The topic is not one of the layout's.</summary>
    public const string UnknownTopic = "unknown-topic";

    /// <summary>(MQTT door) An inspector's handset published under another inspector's id.</summary>
    public const string NotOwnDevice = "not-own-device";

    /// <summary>(MQTT door) The payload names another plate or facility than its topic.</summary>
    public const string TopicMismatch = "topic-mismatch";

    /// <summary>(MQTT and HTTP doors) No credentials outside demo mode.</summary>
    public const string MissingCredentials = "missing-credentials";

    /// <summary>(MQTT and HTTP doors) No device is registered with the presented id.</summary>
    public const string UnknownDevice = "unknown-device";

    /// <summary>(MQTT and HTTP doors) The device was revoked.</summary>
    public const string RevokedDevice = "revoked-device";

    /// <summary>(MQTT and HTTP doors) The secret is not the device's.</summary>
    public const string WrongSecret = "wrong-secret";

    /// <summary>(HTTP door) The request body is over the batch limit.</summary>
    public const string BodyTooLarge = "body-too-large";

    /// <summary>(HTTP door) The body is not the batch envelope.</summary>
    public const string NotAnEventBatch = "not-an-event-batch";

    /// <summary>(doors) A summary of further refusals of one client in one minute, counted but not stored one by one.</summary>
    public const string RefusalsDropped = "refusals-dropped";

    /// <summary>Every code above, in the order docs/events.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Malformed, UnknownKind, TooLarge, InvalidValue, UnknownVehicle, UnknownSite, UnknownBin, UnknownFacility,
        UnknownClause, Retired, NetMismatch, TareExceedsGross, NetOverCapacity, TimeOutBeforeIn, FutureTime, TooOld, OutsideCity,
        NotOwnPlate, NotOwnFacility, NotDeviceKind, Conflict, FileRejected,
        UnknownTopic, NotOwnDevice, TopicMismatch, MissingCredentials, UnknownDevice, RevokedDevice, WrongSecret,
        BodyTooLarge, NotAnEventBatch, RefusalsDropped,
    ];
}
