namespace CitySort.Cli.Tests;

/// <summary><c>citysort users set|disable|enable</c> (issue 12, item 3), run as the executable on a fresh database.</summary>
public sealed class UsersCommandTests
{
    private const string Divisions = "code,name,district_code,district_name\n330302006,五马街道,330302,鹿城区\n330304001,景山街道,330304,瓯海区\n";

    [Fact]
    public async Task Users_set_moves_a_district_officer_to_another_district_and_disable_and_enable_show_in_the_list()
    {
        using var dir = new ScratchDirectory();
        await File.WriteAllTextAsync(dir.File("streets.csv"), Divisions, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Cli.RunAsync(dir.Path, "migrate", "--db", "city.db")).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(dir.Path, "import", "divisions", "streets.csv", "--db", "city.db")).ExitCode);
        var added = await Cli.RunWithInputAsync(dir.Path, "a-long-test-password-1", "users", "add", "--role", "district", "--name", "wang", "--district", "330304", "--db", "city.db");
        Assert.True(added.ExitCode == 0, added.Error);

        var set = await Cli.RunAsync(dir.Path, "users", "set", "wang", "--district", "330302", "--db", "city.db");
        var unknown = await Cli.RunAsync(dir.Path, "users", "set", "wang", "--district", "330399", "--db", "city.db");
        var disabled = await Cli.RunAsync(dir.Path, "users", "disable", "wang", "--db", "city.db");
        var listDisabled = await Cli.RunAsync(dir.Path, "users", "list", "--db", "city.db");
        var enabled = await Cli.RunAsync(dir.Path, "users", "enable", "wang", "--db", "city.db");
        var listEnabled = await Cli.RunAsync(dir.Path, "users", "list", "--db", "city.db");

        Assert.Equal(0, set.ExitCode);
        Assert.Contains("districts 330302)", set.Output, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("登记册中没有这个区划代码。 330399", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains("wang\tdistrict-officer\t330302\t-\t", listDisabled.Output, StringComparison.Ordinal);
        Assert.Contains("\tdisabled", listDisabled.Output, StringComparison.Ordinal);
        Assert.Equal(0, enabled.ExitCode);
        Assert.Contains("\tenabled", listEnabled.Output, StringComparison.Ordinal);
    }
}
