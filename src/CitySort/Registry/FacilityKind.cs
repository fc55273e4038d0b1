namespace CitySort.Registry;

/// <summary>The kinds of treatment and transfer facility the plan names (W96-F1..F4, W96-K2, W96-K3).</summary>
public enum FacilityKind
{
    /// <summary>Waste-to-energy (incineration) plant, such as Yongqiang and Linjiang (W96-F3).</summary>
    WasteToEnergyPlant = 1,

    /// <summary>Sanitary landfill, such as the Xixiang ecological landfill (W96-F3).</summary>
    Landfill = 2,

    /// <summary>Kitchen and catering-waste treatment plant (W96-F1, W96-K4).</summary>
    KitchenWastePlant = 3,

    /// <summary>Hazardous-waste centre, such as the city comprehensive materials eco-disposal centre (W96-F2, W96-K2).</summary>
    HazardousWasteCentre = 4,

    /// <summary>Construction-waste disposal site, 建筑垃圾消纳场 (W96-F1).</summary>
    ConstructionWasteSite = 5,

    /// <summary>Recycling centre or sorting centre for recyclables (W96-K1).</summary>
    RecyclingCentre = 6,

    /// <summary>Transfer station of the existing other-waste chain (W96-K3).</summary>
    TransferStation = 7,
}
