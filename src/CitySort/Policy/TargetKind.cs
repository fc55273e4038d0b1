namespace CitySort.Policy;

/// <summary>What a target of W96-T measures. JSON names are camelCase: <c>coverage</c>, <c>dedicatedVehicles</c>, …</summary>
public enum TargetKind
{
    /// <summary>Sorted-collection coverage (分类收集覆盖面), a share (W96-T1).</summary>
    Coverage = 1,

    /// <summary>New sorted-transport vehicles, a count with splits (W96-T2).</summary>
    DedicatedVehicles = 2,

    /// <summary>Dedicated sorted-transport lines (分运专线), a count with splits (W96-T3).</summary>
    DedicatedLines = 3,

    /// <summary>Sorted-transport rate (垃圾分类运输率), a share (W96-T4).</summary>
    SortedTransportRate = 4,

    /// <summary>Harmless-treatment rate (无害化处理率), a share (W96-T4).</summary>
    HarmlessTreatmentRate = 5,

    /// <summary>Reduction of the tonnage incinerated or landfilled against a baseline (W96-T5, W96-T7).</summary>
    ResidualTonnageReduction = 6,

    /// <summary>A target stated in words only (W96-T6).</summary>
    Qualitative = 7,
}
