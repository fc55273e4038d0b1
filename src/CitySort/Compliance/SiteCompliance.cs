namespace CitySort.Compliance;

/// <summary>The outcome of checking one site against its type's bin rule (W96-B1..B4).</summary>
/// <param name="SiteCode">The site's code.</param>
/// <param name="IsCompliant">True when every rule that applies is met (no gaps); "required bins in place" for coverage.</param>
/// <param name="Gaps">Each shortfall with its clause, in the order of the profile's rules.</param>
public sealed record SiteCompliance(string SiteCode, bool IsCompliant, IReadOnlyList<BinGap> Gaps);
