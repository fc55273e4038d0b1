namespace CitySort.Registry;

/// <summary>The registered division hierarchy that the division summaries count over.</summary>
/// <param name="Districts">The county-level divisions, ordered by code.</param>
/// <param name="Streets">Every registered street, of every vintage of the statistical codes that was imported.</param>
/// <param name="CommunityCounts">Communities registered per street code (a street without any is absent).</param>
public sealed record DivisionRecords(
    IReadOnlyList<RegisteredDistrict> Districts,
    IReadOnlyList<RegisteredStreet> Streets,
    IReadOnlyDictionary<string, int> CommunityCounts);
