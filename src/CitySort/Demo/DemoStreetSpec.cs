namespace CitySort.Demo;

/// <summary>A street of the built-in short list, used when no divisions have been imported (a real import merges by code).</summary>
/// <param name="Code">9-digit code (2023 statistical codes).</param>
/// <param name="Name">Chinese name as published.</param>
/// <param name="DistrictCode">6-digit district code.</param>
public sealed record DemoStreetSpec(string Code, string Name, string DistrictCode);
