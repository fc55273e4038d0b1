namespace CitySort.Registry;

/// <summary>A street (township-level unit) as the registry holds it, the part <see cref="DivisionSummaries"/> reads.</summary>
/// <param name="Code">The 9-digit statistical code (of the vintage the file had).</param>
/// <param name="Name">The Chinese name as imported.</param>
/// <param name="DistrictCode">The 6-digit code of its district in the registry's hierarchy.</param>
/// <param name="IsIllustrative">True when the demo city made it up.</param>
public sealed record RegisteredStreet(string Code, string Name, string DistrictCode, bool IsIllustrative);
