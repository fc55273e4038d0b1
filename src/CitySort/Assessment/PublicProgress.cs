namespace CitySort.Assessment;

/// <summary>
/// The published progress of the sorting programme (W96-A1), what <c>GET /api/public/progress</c> answers to anyone
/// without sign-in: per district and functional zone the coverage and the targets, and the city's targets. It holds
/// counts and shares only: no site, person, vehicle or event is named in it.
/// </summary>
/// <param name="ProfileId">The policy profile the figures were computed with.</param>
/// <param name="ProfileVersion">That profile's version.</param>
/// <param name="ComputedAt">When the registry was read (UTC).</param>
/// <param name="IsIllustrative">True when any figure counts illustrative (demo) sites.</param>
/// <param name="City">Coverage of the whole urban area against <c>W96-T1.overall</c>.</param>
/// <param name="Districts">The urban districts with sites, then the profile's areas, each in code order.</param>
/// <param name="Targets">Every W96-T target of the profile with the city's totals, in the profile's order.</param>
public sealed record PublicProgress(
    string ProfileId,
    string ProfileVersion,
    DateTimeOffset ComputedAt,
    bool IsIllustrative,
    PublicCoverage City,
    IReadOnlyList<PublicDistrictProgress> Districts,
    IReadOnlyList<PublicTarget> Targets);
