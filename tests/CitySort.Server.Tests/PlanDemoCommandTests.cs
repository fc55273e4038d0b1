using System.Diagnostics;
using CitySort.Demo;
using CitySort.Policy;
using Microsoft.Data.Sqlite;

namespace CitySort.Server.Tests;

/// <summary>
/// <c>citysort plan --demo</c> seeds the one demo city that <c>citysort serve</c> seeds: the profile's spec and the one
/// demo seed (issue 10, defect 4). Runs the real command line from this project's build output.
/// </summary>
public sealed class PlanDemoCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "citysort-plan-demo-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Plan_demo_seeds_the_same_city_as_the_server_from_the_profile()
    {
        var db = Path.Combine(_folder, "citysort.db");
        Assert.Equal(0, (await CitysortAsync("migrate", "--db", db)).ExitCode);

        // Dongtou (330305) has no dedicated vehicle in W96-T2, so planning it is quick; the seeding is what is checked.
        var (exitCode, stdout, stderr) = await CitysortAsync("plan", "--demo", "--db", db, "--date", "2015-12-01", "--area", "330305", "--time-limit", "0.2");

        Assert.True(exitCode == 0, stdout + stderr);
        var expected = new DemoCityGenerator().Generate(DemoCityFactory.SpecFor(ProfileLoader.LoadDefault()), DemoCityFactory.DefaultSeed);
        await using var connection = new SqliteConnection("Data Source=" + db);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new SqliteCommand("SELECT \"Plate\" FROM \"Vehicles\" ORDER BY \"Plate\"", connection);
        var plates = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                plates.Add(reader.GetString(0));
            }
        }

        Assert.Equal(expected.Vehicles.Select(v => v.Plate).Order(StringComparer.Ordinal), plates);
        Assert.Equal(DemoCityFactory.DefaultSeed, new ServerOptions().DemoSeed);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> CitysortAsync(params string[] arguments)
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
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
