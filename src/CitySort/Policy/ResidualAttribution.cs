namespace CitySort.Policy;

/// <summary>
/// How residual tonnage (焚烧（填埋）处理量) is attributed to districts for W96-T5/T7 and W96-A3/A4 (setting
/// <c>residualAttribution</c>, CitySort's choice). Names only: the Assessment capability implements them.
/// </summary>
public enum ResidualAttribution
{
    /// <summary>
    /// <c>deliveringVehicleDistrict</c>: each weigh ticket's net mass at an incineration or landfill facility counts
    /// for the district of the vehicle that delivered it.
    /// </summary>
    DeliveringVehicleDistrict = 1,

    /// <summary><c>collectionPointDistrict</c>: each ticket's net mass counts for the district of the sites collected on that trip, split by their recorded mass.</summary>
    CollectionPointDistrict = 2,
}
