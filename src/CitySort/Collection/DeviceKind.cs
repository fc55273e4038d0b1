namespace CitySort.Collection;

/// <summary>What a device is, which decides what it may report (issue: "a vehicle's device publishes only for its own
/// plate and a facility's weighbridge only for its own facility").</summary>
public enum DeviceKind
{
    /// <summary>An on-board unit of one vehicle: pickups and GPS fixes for its own plate only.</summary>
    Vehicle = 1,

    /// <summary>The weighbridge of one facility: weigh tickets at its own facility only.</summary>
    Weighbridge = 2,

    /// <summary>An inspector's handset: inspection findings.</summary>
    Inspector = 3,

    /// <summary>
    /// An anonymous demo device (the demo city and the simulator only): may report anything, and everything it
    /// reports is marked illustrative.
    /// </summary>
    Demo = 4,

    /// <summary>
    /// The office importing a file (the CSV door, <c>citysort import tickets|pickups</c>): may report for any vehicle
    /// and facility; its events are not illustrative. Never a registered device and never authenticated over MQTT or
    /// HTTP.
    /// </summary>
    Office = 5,
}
