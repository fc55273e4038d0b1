namespace CitySort.Demo;

/// <summary>placeholder</summary>
public sealed class DemoCitySeeder;
