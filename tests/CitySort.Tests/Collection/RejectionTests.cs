using System.Text;
using CitySort.Collection;
using static CitySort.Tests.Collection.CollectionHost;

namespace CitySort.Tests.Collection;

public sealed class RejectionTests
{
    private const string Time = "2015-12-01T07:30:00+08:00";

    public static TheoryData<string, string, string, EventKind?, string> Cases() => new()
    {
        // reason code, device, payload, kind from the channel (null: the payload names it), JSON path in the reason
        { ReasonCodes.Malformed, "truck", "{not json", EventKind.Pickup, "$" },
        { ReasonCodes.Malformed, "truck", """{"eventId":"P-1","vehiclePlate":"浙C10001","siteCode":"LC-1","category":"Other","estimatedKg":1}""", EventKind.Pickup, "$.deviceTime" },
        { ReasonCodes.Malformed, "truck", """{"eventId":"P-1","deviceTime":"1 Dec 2015","vehiclePlate":"浙C10001","siteCode":"LC-1","category":"Other","estimatedKg":1}""", EventKind.Pickup, "$.deviceTime" },
        { ReasonCodes.Malformed, "truck", """{"eventId":"G-1","deviceTime":"2015-12-01T07:30:00+08:00","vehiclePlate":"浙C10001","point":{"longitude":120.6,"latitude":28}}""", EventKind.GpsFix, "$.point.datum" },
        { ReasonCodes.Malformed, "truck", Pickup("P-1", OtherTruck, "LC-1", "Glass", Time, 1), EventKind.Pickup, "$.category" },
        { ReasonCodes.UnknownKind, "truck", """{"kind":"teleport","eventId":"X"}""", null, "$.kind" },
        { ReasonCodes.InvalidValue, "truck", Pickup("P-1", OtherTruck, "LC-1", "Other", Time, -5), EventKind.Pickup, "$.estimatedKg" },
        { ReasonCodes.InvalidValue, "truck", Gps("G-1", OtherTruck, Time, 120.6, 95), EventKind.GpsFix, "$.point.latitude" },
        { ReasonCodes.UnknownVehicle, "demo", Pickup("P-1", "浙C99999", "LC-1", "Other", Time, 1), EventKind.Pickup, "$.vehiclePlate" },
        { ReasonCodes.UnknownSite, "truck", Pickup("P-1", OtherTruck, "NOPE", "Other", Time, 1), EventKind.Pickup, "$.siteCode" },
        { ReasonCodes.UnknownBin, "truck", Pickup("P-1", OtherTruck, "LC-1", "Other", Time, 1, ""","binId":"99999" """), EventKind.Pickup, "$.binId" },
        { ReasonCodes.UnknownFacility, "demo", Ticket("T-1", "F-NONE", OtherTruck, Time, "2015-12-01T07:50:00+08:00", 9000, 8000, 1000, "Other"), EventKind.WeighTicket, "$.facilityCode" },
        { ReasonCodes.UnknownClause, "inspector", """{"eventId":"I-1","deviceTime":"2015-12-01T09:00:00+08:00","siteCode":"LC-1","inspector":"王芳","clauseId":"W99-Z9"}""", EventKind.InspectionFinding, "$.clauseId" },
        { ReasonCodes.NetMismatch, "wte", Ticket("T-1", WasteToEnergy, OtherTruck, Time, "2015-12-01T07:50:00+08:00", 9000, 8000, 1200, "Other"), EventKind.WeighTicket, "$.netKg" },
        { ReasonCodes.TareExceedsGross, "wte", Ticket("T-1", WasteToEnergy, OtherTruck, Time, "2015-12-01T07:50:00+08:00", 7000, 8000, 0, "Other"), EventKind.WeighTicket, "$.tareKg" },
        { ReasonCodes.NetOverCapacity, "wte", Ticket("T-1", WasteToEnergy, OtherTruck, Time, "2015-12-01T07:50:00+08:00", 17000, 8000, 9000, "Other"), EventKind.WeighTicket, "$.netKg" },
        { ReasonCodes.TimeOutBeforeIn, "wte", Ticket("T-1", WasteToEnergy, OtherTruck, "2015-12-01T08:00:00+08:00", "2015-12-01T07:50:00+08:00", 9000, 8000, 1000, "Other"), EventKind.WeighTicket, "$.timeOut" },
        { ReasonCodes.FutureTime, "truck", Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-02T12:06:00+08:00", 1), EventKind.Pickup, "$.deviceTime" },
        { ReasonCodes.TooOld, "truck", Pickup("P-1", OtherTruck, "LC-1", "Other", "2014-10-01T07:30:00+08:00", 1), EventKind.Pickup, "$.deviceTime" },
        { ReasonCodes.OutsideCity, "truck", Gps("G-1", OtherTruck, Time, 116.4, 39.9), EventKind.GpsFix, "$.point" },
        { ReasonCodes.NotOwnPlate, "truck", Pickup("P-1", RecyclableTruck, "LC-1", "Recyclable", Time, 1), EventKind.Pickup, "$.vehiclePlate" },
        { ReasonCodes.NotOwnFacility, "wte", Ticket("T-1", RecyclingCentre, RecyclableTruck, Time, "2015-12-01T07:50:00+08:00", 3040, 3000, 40, "Recyclable"), EventKind.WeighTicket, "$.facilityCode" },
        { ReasonCodes.NotDeviceKind, "wte", Pickup("P-1", OtherTruck, "LC-1", "Other", Time, 1), EventKind.Pickup, "$" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_rejection_is_answered_and_stored_with_its_reason_path_and_raw_payload(string code, string device, string payload, EventKind? kind, string path)
    {
        await using var host = await SqliteAsync();
        var sender = device switch
        {
            "truck" => TruckDevice(OtherTruck),
            "wte" => Weighbridge(WasteToEnergy),
            "inspector" => Inspector,
            _ => new DeviceIdentity("demo", DeviceKind.Demo),
        };

        var result = (await host.Intake.SubmitAsync(sender, [Json(payload, kind, "http:POST /api/events[0]")], TestContext.Current.CancellationToken)).Single();

        Assert.Equal((IntakeOutcome.Rejected, code), (result.Outcome, result.ReasonCode));
        Assert.StartsWith(path + ":", result.Reason, StringComparison.Ordinal);
        Assert.StartsWith(path + "：", result.ReasonZh, StringComparison.Ordinal);
        var stored = (await host.Store.ReadRejectionsAsync(new RejectionQuery(ReasonCode: code), TestContext.Current.CancellationToken))[0];
        Assert.Equal((sender.DeviceId, payload, result.Reason), (stored.DeviceId, stored.Payload, stored.Reason));
        Assert.Empty(await host.Reader.ReadDayAsync(new DateOnly(2015, 12, 1), null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_payload_over_the_size_limit_is_refused_as_too_large()
    {
        await using var host = await SqliteAsync();
        var payload = Pickup("P-1", OtherTruck, "LC-1", "Other", Time, 1, $$""","note":"{{new string('x', IEventIntake.MaxPayloadBytes)}}" """);

        var result = await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.Pickup, payload);

        Assert.Equal((IntakeOutcome.Rejected, ReasonCodes.TooLarge), (result.Outcome, result.ReasonCode));
        Assert.True(Encoding.UTF8.GetByteCount(payload) > IEventIntake.MaxPayloadBytes);
        Assert.Single(await host.Store.ReadRejectionsAsync(new RejectionQuery(ReasonCode: ReasonCodes.TooLarge), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Every_reason_code_is_listed_in_the_event_documentation()
    {
        var doc = File.ReadAllText(Path.Combine(CitySort.Testing.Requires.RepositoryRoot(), "docs", "events.md"));

        Assert.All(ReasonCodes.All, code => Assert.Contains($"| `{code}` |", doc, StringComparison.Ordinal));
    }
}
