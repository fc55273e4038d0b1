using CitySort.Collection;
using static CitySort.Tests.Collection.CollectionHost;

namespace CitySort.Tests.Collection;

/// <summary>
/// One hand-worked business day, 2015-12-01 (Asia/Shanghai), over <see cref="CollectionHost"/>'s registry:
/// <code>
/// pickups   浙C10001 (dedicated Other, Lucheng)     LC-1 Other 07:30 400 kg;  LC-2 Other 08:00 600 kg
///           浙C10002 (dedicated Recyclable, Lucheng) LC-1 Recyclable 09:00 50 kg
///           浙C20001 (not dedicated, Ouhai)          OH-1 Other 18:30 300 kg (after the 17:00 clearance time)
/// tickets   T-1 F-WTE (waste-to-energy, takes Other)   浙C10001 Other      net 1100 kg (9100 − 8000)
///           T-2 F-REC (recycling centre, Recyclable)   浙C10002 Recyclable net   40 kg (3040 − 3000)
///           T-3 F-WTE                                  浙C20001 Other      net  500 kg (8500 − 8000)
///           T-4 F-TS  (transfer station)               浙C20001 Other      net  200 kg (8200 − 8000)
/// </code>
/// </summary>
internal static class HandWorkedDay
{
    public const int PickupCount = 4;
    public const int TicketCount = 4;

    public static readonly DateOnly Day = new(2015, 12, 1);

    public static async Task SubmitAsync(CollectionHost host)
    {
        var token = TestContext.Current.CancellationToken;
        await Accept(host.Intake.SubmitAsync(TruckDevice(OtherTruck),
        [
            Json(Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 400m), EventKind.Pickup),
            Json(Pickup("P-2", OtherTruck, "LC-2", "Other", "2015-12-01T08:00:00+08:00", 600m), EventKind.Pickup),
        ], token));
        await Accept(host.Intake.SubmitAsync(TruckDevice(RecyclableTruck),
            [Json(Pickup("P-3", RecyclableTruck, "LC-1", "Recyclable", "2015-12-01T09:00:00+08:00", 50m), EventKind.Pickup)], token));
        await Accept(host.Intake.SubmitAsync(TruckDevice(OuhaiTruck),
            [Json(Pickup("P-4", OuhaiTruck, "OH-1", "Other", "2015-12-01T18:30:00+08:00", 300m), EventKind.Pickup)], token));
        await Accept(host.Intake.SubmitAsync(Weighbridge(WasteToEnergy),
        [
            Json(Ticket("T-1", WasteToEnergy, OtherTruck, "2015-12-01T10:10:00+08:00", "2015-12-01T10:30:00+08:00", 9100, 8000, 1100, "Other"), EventKind.WeighTicket),
            Json(Ticket("T-3", WasteToEnergy, OuhaiTruck, "2015-12-01T19:10:00+08:00", "2015-12-01T19:30:00+08:00", 8500, 8000, 500, "Other"), EventKind.WeighTicket),
        ], token));
        await Accept(host.Intake.SubmitAsync(Weighbridge(RecyclingCentre),
            [Json(Ticket("T-2", RecyclingCentre, RecyclableTruck, "2015-12-01T11:00:00+08:00", "2015-12-01T11:10:00+08:00", 3040, 3000, 40, "Recyclable"), EventKind.WeighTicket)], token));
        await Accept(host.Intake.SubmitAsync(Weighbridge(TransferStation),
            [Json(Ticket("T-4", TransferStation, OuhaiTruck, "2015-12-01T12:00:00+08:00", "2015-12-01T12:10:00+08:00", 8200, 8000, 200, "Other"), EventKind.WeighTicket)], token));
    }

    private static async Task Accept(Task<IReadOnlyList<IntakeResult>> submission)
    {
        foreach (var r in await submission)
        {
            Assert.True(r.Outcome == IntakeOutcome.Accepted, $"{r.EventId}: {r.Outcome} {r.Reason}");
        }
    }
}
