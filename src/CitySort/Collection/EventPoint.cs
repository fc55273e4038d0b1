using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>A point of an event, in WGS-84, with the datum it arrived in (GCJ-02 input is converted, never guessed).</summary>
/// <param name="Longitude">WGS-84 longitude in degrees east.</param>
/// <param name="Latitude">WGS-84 latitude in degrees north.</param>
/// <param name="SourceDatum">The datum the device sent.</param>
public readonly record struct EventPoint(double Longitude, double Latitude, CoordinateDatum SourceDatum);
