using CitySort.Compliance;
using CitySort.Policy;

namespace CitySort.Assessment;

/// <summary>
/// One district's (or functional zone's) line of the public progress page (W96-A1): its coverage against W96-T1,
/// overall and per site type, and the targets that apply to it with its own part of the counted ones.
/// </summary>
/// <param name="ScopeKind">District or area (functional zone such as the development zone).</param>
/// <param name="Code">The 6-digit district code or the profile's area id.</param>
/// <param name="Name">The name as the profile gives it, Chinese and English; null when the profile does not name it.</param>
/// <param name="IsIllustrative">True when any site counted here is illustrative (the demo city): the figures are made up.</param>
/// <param name="Coverage">Coverage of all site types against <c>W96-T1.overall</c>.</param>
/// <param name="CoverageBySiteType">Coverage per site type, each against its W96-T1 part.</param>
/// <param name="Targets">The W96-T targets that apply here, in the profile's order.</param>
public sealed record PublicDistrictProgress(
    CoverageScopeKind ScopeKind,
    string Code,
    LocalizedText? Name,
    bool IsIllustrative,
    PublicCoverage Coverage,
    IReadOnlyList<PublicCoverage> CoverageBySiteType,
    IReadOnlyList<PublicTarget> Targets);
