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

    /// <summary>Every code above, in the order docs/events.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Malformed, UnknownKind, TooLarge, InvalidValue, UnknownVehicle, UnknownSite, UnknownBin, UnknownFacility,
        UnknownClause, Retired, NetMismatch, TareExceedsGross, NetOverCapacity, TimeOutBeforeIn, FutureTime, TooOld, OutsideCity,
        NotOwnPlate, NotOwnFacility, NotDeviceKind, Conflict, FileRejected,
    ];
}
