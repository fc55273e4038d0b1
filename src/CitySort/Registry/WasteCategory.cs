namespace CitySort.Registry;

/// <summary>
/// The four household-waste categories of the Wenzhou plan (W96-C1..C4). The numeric values are stable: they are
/// stored in the database and carried in events.
/// </summary>
public enum WasteCategory
{
    /// <summary>可回收物, recyclables, blue bin (W96-C1).</summary>
    Recyclable = 1,

    /// <summary>有害垃圾, hazardous waste, red bin (W96-C2).</summary>
    Hazardous = 2,

    /// <summary>其他垃圾, other (residual) waste, grey bin (W96-C3).</summary>
    Other = 3,

    /// <summary>厨余垃圾, kitchen (food) waste, green bin (W96-C4).</summary>
    Kitchen = 4,
}
