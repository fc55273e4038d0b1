namespace CitySort.Policy;

/// <summary>
/// A county-level division (区/县/县级市) the profile names, by its 6-digit statistical code. The profile lists the
/// districts its scope, targets and wage tiers refer to; it does not replace the registry's division import.
/// </summary>
/// <param name="Code">6-digit county-level code, e.g. <c>330302</c> (鹿城区).</param>
/// <param name="Name">Chinese and English names.</param>
/// <param name="Note">Any remark, e.g. a later change of boundary.</param>
public sealed record DistrictDefinition(string Code, LocalizedText Name, LocalizedText? Note);
