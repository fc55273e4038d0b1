namespace CitySort.Compliance;

/// <summary>What kind of shortfall a <see cref="BinGap"/> is.</summary>
public enum BinGapKind
{
    /// <summary>Too few bins of the category or stream at the required placement.</summary>
    TooFewBins = 1,

    /// <summary>Bins that must be bagged (袋装化管理, W96-B4) are not all bagged.</summary>
    NotBagged = 2,
}
