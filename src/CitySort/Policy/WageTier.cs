namespace CitySort.Policy;

/// <summary>
/// A minimum-wage tier of W58-1 and the places it covers. A street listed in <see cref="StreetCodes"/> belongs to
/// this tier whatever its district; a street in <see cref="ExceptStreetCodes"/> does not, even if its district is
/// listed (Dongtou is tier 2 except Lingkun street, which is tier 1).
/// </summary>
/// <param name="Tier">Tier number (1 is the highest wage).</param>
/// <param name="MonthlyYuan">Monthly minimum wage for full-time work, yuan (tier 1: 1860).</param>
/// <param name="PartTimeHourlyYuan">Hourly minimum wage for part-time work, yuan (tier 1: 17).</param>
/// <param name="DistrictCodes">6-digit district codes covered.</param>
/// <param name="AreaIds">Profile areas covered (e.g. the development zone).</param>
/// <param name="StreetCodes">Streets covered individually, by any of their codes.</param>
/// <param name="ExceptStreetCodes">Streets of the listed districts that are not covered.</param>
/// <param name="Description">The tier's area in the notice's words.</param>
/// <param name="Note">How the notice was read, when that needed a choice.</param>
public sealed record WageTier(
    int Tier,
    decimal MonthlyYuan,
    decimal PartTimeHourlyYuan,
    IReadOnlyList<string> DistrictCodes,
    IReadOnlyList<string> AreaIds,
    IReadOnlyList<string> StreetCodes,
    IReadOnlyList<string> ExceptStreetCodes,
    LocalizedText Description,
    LocalizedText? Note);
