using System.Diagnostics;
using System.Text;

namespace CitySort.Server.Tests.Collection;

/// <summary>The real <c>citysort devices</c> and <c>citysort import tickets|pickups</c> commands, as an operator runs them.</summary>
public sealed class CommandLineDoorTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("citysort-cli-doors-");

    private string Db => Path.Combine(_temp.FullName, "citysort.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Delete(recursive: true);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> Citysort(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CitySort.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Devices_add_prints_the_secret_once_list_never_shows_it_and_revoke_marks_the_device()
    {
        var (added, addOut, _) = await Citysort("devices", "add", "--id", "insp-1", "--kind", "inspector", "--db", Db);
        var secret = addOut.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[^1];
        var (listed, listOut, _) = await Citysort("devices", "list", "--db", Db);
        var (revoked, _, _) = await Citysort("devices", "revoke", "insp-1", "--db", Db);
        var (_, afterOut, _) = await Citysort("devices", "list", "--db", Db);

        Assert.Equal((0, 0, 0), (added, listed, revoked));
        Assert.Equal(43, secret.Length);
        Assert.Contains("insp-1\tinspector", listOut, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listOut, StringComparison.Ordinal);
        Assert.Contains("1 device(s), 1 active.", listOut, StringComparison.Ordinal);
        Assert.Contains("1 device(s), 0 active.", afterOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_add_for_an_unknown_plate_exits_1_with_the_reason_and_an_unknown_kind_is_a_usage_error()
    {
        var (unknownPlate, _, plateErr) = await Citysort("devices", "add", "--id", "truck-1", "--kind", "vehicle", "--plate", "浙C99999", "--db", Db);
        var (badKind, _, _) = await Citysort("devices", "add", "--id", "x", "--kind", "bicycle", "--db", Db);
        var (unknownRevoke, _, _) = await Citysort("devices", "revoke", "nobody", "--db", Db);

        Assert.Equal((1, 2, 1), (unknownPlate, badKind, unknownRevoke));
        Assert.Contains("plate: vehicle 浙C99999 is not in the registry", plateErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_tickets_of_an_unknown_facility_exits_1_and_names_the_cell()
    {
        var file = Path.Combine(_temp.FullName, "tickets.csv");
        var now = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(file, "ticket_id,facility_code,vehicle_plate,time_in,time_out,gross_kg,tare_kg,net_kg,category\n"
            + $"T-1,NO-SUCH,浙C99999,{now},{now},2500,2000,500,Other\n", Encoding.UTF8, TestContext.Current.CancellationToken);

        // Only serve and migrate create a database (issue 10 defect 11).
        Assert.Equal(0, (await Citysort("migrate", "--db", Db)).Item1);
        var (exit, stdout, _) = await Citysort("import", "tickets", file, "--db", Db);

        Assert.Equal(1, exit);
        Assert.Contains("tickets.csv:2:", stdout, StringComparison.Ordinal);
        Assert.Contains("unknown-", stdout, StringComparison.Ordinal);
    }
}
