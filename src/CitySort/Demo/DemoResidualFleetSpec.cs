namespace CitySort.Demo;

/// <summary>
/// The demo city's existing other-waste fleet (W96-K3: other waste is collected in the existing mode, by the
/// sanitation departments, through the existing transfer stations, cleared the same day). Besides the 16 new
/// sorted-transport vehicles of W96-T2, each area gets compactor trucks that collect every site's other waste to its
/// transfer station, and container trucks that carry it on to a waste-to-energy plant or landfill; they carry most
/// of the city's tonnage, about the W96-T5 baseline (1,148,900 t in 2014, about 3,150 t a day). Neither kind has a
/// dedicated category. Every figure here is illustrative, and the vehicles are marked illustrative.
/// </summary>
public sealed record DemoResidualFleetSpec
{
    /// <summary>Payload of a compactor truck in kg. Default 8,000.</summary>
    public int CollectionCapacityKg { get; init; } = 8_000;

    /// <summary>Trips a compactor truck makes in a day, used to size the fleet. Default 4.</summary>
    public int CollectionTripsPerDay { get; init; } = 4;

    /// <summary>
    /// Payload of a transfer (container) truck in kg; a vehicle without a dedicated category and with at least this
    /// capacity is a transfer truck. Default 20,000.
    /// </summary>
    public int TransferCapacityKg { get; init; } = 20_000;

    /// <summary>Loads a transfer truck carries from its station in a day, used to size the fleet. Default 6.</summary>
    public int TransferTripsPerDay { get; init; } = 6;

    /// <summary>
    /// Share of a site's daily household waste that stays in the other-waste (residual) bins, 0..1. Default 0.97: the
    /// sorted streams take the rest.
    /// </summary>
    public double ResidualShare { get; init; } = 0.97;
}
