using CitySort.Collection;
using CitySort.Registry;
using static CitySort.Tests.Collection.CollectionHost;

namespace CitySort.Tests.Collection;

/// <summary>
/// The sorted-transport rate (W96-T4) counts the existing other-waste fleet (W96-K3: other waste collected in the
/// existing mode and transferred sorted) when its vehicles are sealed (W96-K5), besides the dedicated vehicles of
/// W96-T2; an open truck dedicated to nothing is not sorted transport.
/// </summary>
public sealed class SortedTransportRateTests
{
    private const string SealedFleetTruck = "浙C30001";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sealed_other_waste_truck_of_the_existing_fleet_counts_as_sorted_transport_and_an_open_one_does_not()
    {
        await using var host = await SqliteAsync();
        await using (var db = host.Database.Context())
        {
            db.Vehicles.Add(new Vehicle { Plate = SealedFleetTruck, DistrictCode = Lucheng, AreaCode = Lucheng, HaulerCode = "H1", CapacityKg = 20_000, Sealed = true });
            await db.SaveChangesAsync(Token);
        }

        var wte = Weighbridge(WasteToEnergy);
        // T-A: the sealed, undedicated truck of the existing fleet brings 6,000 kg of other waste to the plant.
        Assert.Equal(IntakeOutcome.Accepted, (await host.SubmitOneAsync(wte, EventKind.WeighTicket,
            Ticket("T-A", WasteToEnergy, SealedFleetTruck, "2015-12-01T10:00:00+08:00", "2015-12-01T10:20:00+08:00", 21_000, 15_000, 6_000, "Other"))).Outcome);
        // T-B: the open (unsealed), undedicated 浙C20001 brings 2,000 kg of other waste.
        Assert.Equal(IntakeOutcome.Accepted, (await host.SubmitOneAsync(wte, EventKind.WeighTicket,
            Ticket("T-B", WasteToEnergy, OuhaiTruck, "2015-12-01T11:00:00+08:00", "2015-12-01T11:20:00+08:00", 10_000, 8_000, 2_000, "Other"))).Outcome);
        // T-C: the dedicated recyclables truck brings 500 kg of recyclables to the recycling centre.
        Assert.Equal(IntakeOutcome.Accepted, (await host.SubmitOneAsync(Weighbridge(RecyclingCentre), EventKind.WeighTicket,
            Ticket("T-C", RecyclingCentre, RecyclableTruck, "2015-12-01T12:00:00+08:00", "2015-12-01T12:10:00+08:00", 3_500, 3_000, 500, "Recyclable"))).Outcome);

        var report = await host.Kpis.GetAsync(new KpiQuery(new DateOnly(2015, 12, 1), new DateOnly(2015, 12, 1)), Token);

        // W96-T4 sorted-transport rate = sorted net ÷ net received = (T-A 6 t + T-C 0.5 t) ÷ (6 + T-B 2 + 0.5 t)
        // = 6.5 ÷ 8.5 t ≈ 76.5 %; T-B is not sorted (open truck, no dedication).
        var sorted = Assert.Single(Assert.Single(report.Periods).Figures, f => f.Kpi == "SortedTransportRate" && f.DistrictCode is null && f.VehiclePlate is null);
        Assert.Equal((6.5m, 8.5m), (sorted.Numerator, sorted.Denominator));
        Assert.Equal(6.5m / 8.5m, sorted.Value);
    }

    [Theory]
    [InlineData(null, true, "Other", true)]
    [InlineData(null, false, "Other", false)]
    [InlineData(null, true, "Kitchen", false)]
    [InlineData("Kitchen", true, "Other", false)]
    [InlineData("Kitchen", false, "Kitchen", true)]
    public void A_load_is_sorted_when_its_vehicle_is_dedicated_to_it_or_is_a_sealed_truck_of_the_existing_other_waste_mode(
        string? dedicated, bool isSealed, string declared, bool expected)
    {
        var vehicle = new VehicleFacts("浙C1", Lucheng, Lucheng, 8_000, dedicated is null ? null : Enum.Parse<WasteCategory>(dedicated), null) { Sealed = isSealed };
        // The shipped profile gives other waste to the existing hauler (W96-K3, method existingHauler).
        var existing = SortedTransportRule.ExistingHaulerCategories(CitySort.Policy.ProfileLoader.LoadDefault());

        Assert.Equal([WasteCategory.Other], existing);
        Assert.Equal(expected, SortedTransportRule.IsSorted(vehicle, Enum.Parse<WasteCategory>(declared), null, existing));
    }
}
