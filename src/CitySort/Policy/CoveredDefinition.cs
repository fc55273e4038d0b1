namespace CitySort.Policy;

/// <summary>What counts as a site "covered" for W96-T1 coverage (CitySort's choice, setting <c>covered</c>).</summary>
/// <param name="RequiresBinsInPlace">The site's required bins (W96-B1..B4) are all in place.</param>
/// <param name="RequiresCollectedSorted">The site's waste is collected sorted (W96-K).</param>
public sealed record CoveredDefinition(bool RequiresBinsInPlace, bool RequiresCollectedSorted)
{
    /// <summary>Whether a site with these facts counts as covered.</summary>
    /// <param name="binsInPlace">All required bins in place.</param>
    /// <param name="collectedSorted">Collected sorted.</param>
    /// <returns>True when covered.</returns>
    public bool IsCovered(bool binsInPlace, bool collectedSorted) =>
        (!RequiresBinsInPlace || binsInPlace) && (!RequiresCollectedSorted || collectedSorted);
}
