namespace CitySort.Registry;

/// <summary>
/// A group of identical bins at a site: one category (W96-C1..C4) or one special stream (W96-C5), one placement,
/// a count and a volume. Exactly one of <see cref="Category"/> and <see cref="Stream"/> is set.
/// </summary>
public sealed class Bin
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The code of the site the bins belong to.</summary>
    public string SiteCode { get; set; } = string.Empty;

    /// <summary>The household-waste category, or <c>null</c> for a special-stream bin.</summary>
    public WasteCategory? Category { get; set; }

    /// <summary>The special stream (catering, bulky, construction), or <c>null</c> for a category bin.</summary>
    public SpecialStream? Stream { get; set; }

    /// <summary>Where the bins stand.</summary>
    public BinPlacement Placement { get; set; }

    /// <summary>Number of bins (over all floors for <see cref="BinPlacement.EveryFloor"/>); at least 0.</summary>
    public int Count { get; set; }

    /// <summary>Volume of one bin in litres (each unit's own choice, W96-C6); greater than 0.</summary>
    public int VolumeLitres { get; set; }

    /// <summary>True when the bins are bagged (袋装化管理, W96-B4).</summary>
    public bool Bagged { get; set; }
}
