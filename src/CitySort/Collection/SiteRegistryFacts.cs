namespace CitySort.Collection;

/// <summary>What the intake knows of a registered site.</summary>
/// <param name="Code">The site code.</param>
/// <param name="DistrictCode">Its district.</param>
/// <param name="AreaCode">The profile area its street belongs to (such as the development zone), else its district code.</param>
/// <param name="BinIds">The registry ids of its bins, as text.</param>
/// <param name="RetiredAt">When it was retired (UTC); events after it that name it are refused (<see cref="ReasonCodes.Retired"/>); null while in service.</param>
public sealed record SiteRegistryFacts(string Code, string DistrictCode, string AreaCode, IReadOnlySet<string> BinIds, DateTimeOffset? RetiredAt = null);
