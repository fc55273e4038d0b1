namespace CitySort.Registry;

/// <summary>One group of identical bins of a <see cref="SiteEdit"/> (the fields of a <see cref="Bin"/>).</summary>
public sealed record BinEdit
{
    /// <summary>The id of one of the site's bins to keep (and change), or null for new bins.</summary>
    public int? Id { get; init; }

    /// <summary>The household-waste category, or null for a special-stream bin.</summary>
    public WasteCategory? Category { get; init; }

    /// <summary>The special stream, or null for a category bin.</summary>
    public SpecialStream? Stream { get; init; }

    /// <summary>Where the bins stand.</summary>
    public BinPlacement Placement { get; init; } = BinPlacement.Site;

    /// <summary>Number of bins; at least 0.</summary>
    public int Count { get; init; }

    /// <summary>Volume of one bin in litres; more than 0.</summary>
    public int VolumeLitres { get; init; }

    /// <summary>True when the bins are bagged (W96-B4).</summary>
    public bool Bagged { get; init; }
}
