using System.Text;
using System.Text.Json;
using CitySort.Collection;
using CitySort.Collection.Files;
using CitySort.Imports;
using CitySort.Testing;

namespace CitySort.Tests.Collection;

/// <summary>
/// The CSV door (docs/formats.md, "Weigh tickets CSV", "Pickups CSV"): rows become event objects submitted as one
/// file, problems come back as file:line:column, the registry reader's encoding rules apply.
/// </summary>
public sealed class EventFileImporterTests
{
    private const string Tickets = """
        ticket_id,facility_code,vehicle_plate,time_in,time_out,gross_kg,tare_kg,net_kg,category
        T-0001,F-YQ,浙C0K001,2015-12-01T08:10:00+08:00,2015-12-01T08:25:00+08:00,12500,8300,4200,Other
        T-0002,F-CAT,浙C0K002,2015-12-01 09:00,2015-12-01 09:12,9800.5,7000,2800.5,Catering
        """;

    private const string Pickups = """
        event_id,time,vehicle_plate,site_code,bin_id,category,estimated_kg,longitude,latitude,datum
        P-1,2015-12-01T07:42:10+08:00,浙C0K001,LC-R-0001,B-7,Kitchen,85.5,120.6551,28.0106,gcj02
        P-2,2015-12-01T07:50:00+08:00,浙C0K001,LC-R-0002,,Kitchen,40,,,
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MemoryStream File(string text) => new(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n") + "\n"));

    private static JsonElement Json(IncomingEvent e) => JsonDocument.Parse(e.Utf8Json).RootElement;

    [Fact]
    public async Task Every_ticket_row_becomes_one_event_object_submitted_as_one_file_for_the_office()
    {
        var intake = new RecordingIntake();

        var report = await new EventFileImporter(intake).ImportTicketsAsync(File(Tickets), "tickets.csv", null, Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal((ImportKind.Tickets, 2, 2, 0), (report.Kind, report.RowsRead, report.Inserted, report.Unchanged));
        var submission = Assert.Single(intake.Submissions);
        Assert.True(submission.File);
        Assert.Equal(new DeviceIdentity("office:tickets", DeviceKind.Office), submission.Device);
        Assert.All(submission.Events, e => Assert.Equal(EventKind.WeighTicket, e.Kind));
        Assert.Equal(["tickets.csv:2", "tickets.csv:3"], submission.Events.Select(e => e.Source));
        var second = Json(submission.Events[1]);
        Assert.Equal("T-0002", second.GetProperty("ticketId").GetString());
        Assert.Equal("2015-12-01 09:00", second.GetProperty("timeIn").GetString()); // read by the device's zone rule in the intake
        Assert.Equal(9800.5m, second.GetProperty("grossKg").GetDecimal());
        Assert.Equal("Catering", second.GetProperty("declaredStream").GetString()); // a special stream, W96-C5
        Assert.False(second.TryGetProperty("declaredCategory", out _));
        Assert.Equal("Other", Json(submission.Events[0]).GetProperty("declaredCategory").GetString());
    }

    [Fact]
    public async Task Importing_the_same_tickets_file_twice_changes_nothing_the_second_time()
    {
        var intake = new RecordingIntake();
        var importer = new EventFileImporter(intake);
        await importer.ImportTicketsAsync(File(Tickets), "tickets.csv", null, Ct);

        var again = await importer.ImportTicketsAsync(File(Tickets), "tickets.csv", null, Ct);

        Assert.True(again.Succeeded);
        Assert.Equal((0, 2), (again.Inserted, again.Unchanged));
        Assert.Equal(2, intake.StoredCount);
    }

    [Fact]
    public async Task A_pickups_file_nests_the_point_and_leaves_empty_cells_out()
    {
        var intake = new RecordingIntake();

        var report = await new EventFileImporter(intake).ImportPickupsAsync(File(Pickups), "pickups.csv", null, Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        var events = Assert.Single(intake.Submissions).Events;
        var first = Json(events[0]);
        Assert.Equal(85.5m, first.GetProperty("estimatedKg").GetDecimal());
        Assert.Equal("B-7", first.GetProperty("binId").GetString());
        Assert.Equal(120.6551m, first.GetProperty("point").GetProperty("longitude").GetDecimal());
        Assert.Equal("gcj02", first.GetProperty("point").GetProperty("datum").GetString());
        var second = Json(events[1]);
        Assert.False(second.TryGetProperty("point", out _));
        Assert.False(second.TryGetProperty("binId", out _));
        Assert.Equal("2015-12-01T07:50:00+08:00", second.GetProperty("deviceTime").GetString());
    }

    [Fact]
    public async Task A_refused_row_is_reported_at_its_line_and_column_and_nothing_of_the_file_is_stored()
    {
        var intake = new RecordingIntake();
        // Line 3 has no ticket id; the stand-in intake refuses it at $.ticketId, the ticket_id column (column 1).
        var bad = Tickets.Replace("T-0002,", ",", StringComparison.Ordinal);

        var report = await new EventFileImporter(intake).ImportTicketsAsync(File(bad), "bad_tickets.csv", null, Ct);

        Assert.False(report.Succeeded);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("bad_tickets.csv:3:1", $"{problem.File}:{problem.Line}:{problem.Column}");
        Assert.Equal("ticket_id", problem.Field);
        Assert.StartsWith("malformed: ", problem.Reason, StringComparison.Ordinal);
        Assert.StartsWith("malformed：", problem.ReasonZh, StringComparison.Ordinal);
        Assert.Contains("事件缺少编号", problem.ReasonZh, StringComparison.Ordinal);
        Assert.Equal(0, report.Inserted);
        Assert.Equal(0, intake.StoredCount);
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_before_the_intake()
    {
        var intake = new RecordingIntake();
        var noNet = "ticket_id,facility_code,vehicle_plate,time_in,time_out,gross_kg,tare_kg,category\nT-1,F,P,a,b,1,1,Other\n";

        var report = await new EventFileImporter(intake).ImportTicketsAsync(File(noNet), "t.csv", null, Ct);

        Assert.Contains(report.Problems, p => p.Line == 1 && p.Field == "net_kg");
        Assert.Empty(intake.Submissions);
    }

    [Fact]
    public async Task A_GB18030_file_is_read_as_the_registry_imports_read_it_never_as_mangled_text()
    {
        var intake = new RecordingIntake();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(Tickets.ReplaceLineEndings("\n"));

        var report = await new EventFileImporter(intake).ImportTicketsAsync(new MemoryStream(gbk), "gbk.csv", null, Ct);

        // The registry's CSV reader either decodes GB18030 or refuses it at the first non-UTF-8 byte, the plate's 浙 on
        // line 2; either way no mangled plate reaches the intake.
        if (report.Succeeded)
        {
            Assert.Equal("浙C0K001", Json(Assert.Single(intake.Submissions).Events[0]).GetProperty("vehiclePlate").GetString());
        }
        else
        {
            Assert.Equal(2, Assert.Single(report.Problems).Line);
            Assert.Empty(intake.Submissions);
        }
    }
}
