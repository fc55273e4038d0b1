namespace CitySort.Collection.Simulation;

/// <summary>
/// A fault the simulator injects with <c>--inject-faults</c>, each one a case the intake and the rules must catch
/// (issue 9: mixing is a violation naming its events; malformed, conflicting and unauthorised messages are
/// rejections with their reason; duplicates are counted once; a late fix never moves a vehicle backwards).
/// </summary>
public enum SimulationFault
{
    /// <summary>A dedicated vehicle picks up another category at one of its planned stops (W96-K5, mixed collection).</summary>
    Mixing = 1,

    /// <summary>The same message published twice (an MQTT redelivery): to be counted once.</summary>
    Duplicate = 2,

    /// <summary>The same event id published again with other content: a conflict, the first kept.</summary>
    Conflict = 3,

    /// <summary>A GPS fix published minutes after later fixes of the same vehicle.</summary>
    LateFix = 4,

    /// <summary>A payload that is not a JSON object (cut off): rejected as <c>malformed</c>.</summary>
    Malformed = 5,

    /// <summary>A vehicle's fix published on another vehicle's topic: a device speaking for another plate.</summary>
    ForeignPlate = 6,

    /// <summary>A login with a device id and password the server does not know: refused (<c>unknown-device</c>) and stored.</summary>
    BadLogin = 7,
}
