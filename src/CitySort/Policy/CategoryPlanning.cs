using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>
/// The planning figures of one dedicated category (part of setting <c>planning</c>): which bins its vehicles empty,
/// how full they are when emptied, how heavy a litre is, and which sites are collected how often.
/// Demand of a due site in kg = Σ over its bins of this category and streams (count × volume L × fill × density kg/L).
/// </summary>
/// <param name="Category">The category the dedicated vehicles carry (W96-T3: kitchen, hazardous, recyclables, other).</param>
/// <param name="Streams">Special streams the same vehicles also empty (e.g. <see cref="SpecialStream.Catering"/> with kitchen waste).</param>
/// <param name="FillFraction">How full a bin is when emptied, 0..1.</param>
/// <param name="DensityKgPerLitre">Bulk density of the waste in the bin, kg per litre, more than 0.</param>
/// <param name="Rounds">Which sites are served and every how many days; the first round a site matches applies.</param>
public sealed record CategoryPlanning(
    WasteCategory Category,
    IReadOnlyList<SpecialStream> Streams,
    decimal FillFraction,
    decimal DensityKgPerLitre,
    IReadOnlyList<CollectionRound> Rounds)
{
    /// <summary>The first round that serves <paramref name="site"/>, or null when the category's line does not serve it.</summary>
    /// <param name="site">A site of the registry.</param>
    /// <returns>The round or null.</returns>
    public CollectionRound? RoundFor(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return Rounds.FirstOrDefault(r => r.Serves(site));
    }

    /// <summary>Whether <paramref name="bin"/> is emptied by this category's vehicles.</summary>
    /// <param name="bin">A bin.</param>
    /// <returns>True when the bin is of <see cref="Category"/> or one of <see cref="Streams"/>.</returns>
    public bool Empties(Bin bin)
    {
        ArgumentNullException.ThrowIfNull(bin);
        return bin.Category == Category || (bin.Stream is { } s && Streams.Contains(s));
    }
}
