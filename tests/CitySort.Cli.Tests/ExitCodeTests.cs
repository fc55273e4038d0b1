namespace CitySort.Cli.Tests;

/// <summary>
/// The exit codes of the executable (STYLE.md, "Errors and bad input": 0 success, 1 invalid input, 2 usage error),
/// checked by running it. Covers issue 10 defect 11 (a mistyped <c>--db</c> made a new database and reported success)
/// and the one datum parser of defect "one copy of each" (the CLI refused <c>GCJ-02</c>).
/// </summary>
public sealed class ExitCodeTests
{
    private const string Divisions = "code,name,district_code,district_name\n330302006,五马街道,330302,鹿城区\n";

    [Fact]
    public async Task Migrate_creates_the_database_and_exits_0()
    {
        using var dir = new ScratchDirectory();

        var result = await Cli.RunAsync(dir.Path, "migrate", "--db", dir.File("city.db"));

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(dir.File("city.db")));
    }

    /// <summary>Defect 11: a mistyped path is a usage error, said, and no file or directory appears.</summary>
    [Fact]
    public async Task Import_into_a_database_that_does_not_exist_exits_2_and_creates_nothing()
    {
        using var dir = new ScratchDirectory();
        await File.WriteAllTextAsync(dir.File("streets.csv"), Divisions, TestContext.Current.CancellationToken);
        var mistyped = Path.Combine(dir.Path, "typo", "citysrot.db");

        var result = await Cli.RunAsync(dir.Path, "import", "divisions", "streets.csv", "--db", mistyped);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
        Assert.Contains("不存在", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(mistyped));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "typo")));
    }

    /// <summary>Defect 11 for plan: no database file, no plan and no new file.</summary>
    [Fact]
    public async Task Plan_on_a_database_that_does_not_exist_exits_2_and_creates_nothing()
    {
        using var dir = new ScratchDirectory();

        var result = await Cli.RunAsync(dir.Path, "plan", "--date", "2016-03-01", "--db", "nowhere.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere.db", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("nowhere.db")));
    }

    [Fact]
    public async Task Import_of_a_valid_file_into_a_migrated_database_exits_0()
    {
        using var dir = new ScratchDirectory();
        await File.WriteAllTextAsync(dir.File("streets.csv"), Divisions, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Cli.RunAsync(dir.Path, "migrate", "--db", "city.db")).ExitCode);

        var result = await Cli.RunAsync(dir.Path, "import", "divisions", "streets.csv", "--db", "city.db");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Import_of_an_invalid_file_exits_1_and_names_the_line()
    {
        using var dir = new ScratchDirectory();
        await File.WriteAllTextAsync(dir.File("streets.csv"), "code,name,district_code,district_name\n33030200X,五马街道,330302,鹿城区\n", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Cli.RunAsync(dir.Path, "migrate", "--db", "city.db")).ExitCode);

        var result = await Cli.RunAsync(dir.Path, "import", "divisions", "streets.csv", "--db", "city.db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("streets.csv:2:", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_a_file_that_does_not_exist_exits_2()
    {
        using var dir = new ScratchDirectory();
        Assert.Equal(0, (await Cli.RunAsync(dir.Path, "migrate", "--db", "city.db")).ExitCode);

        var result = await Cli.RunAsync(dir.Path, "import", "divisions", "missing.csv", "--db", "city.db");

        Assert.Equal(2, result.ExitCode);
    }

    /// <summary>One datum parser: the CLI accepts the spelling GCJ-02 that the API and the sites CSV accept.</summary>
    [Theory]
    [InlineData("GCJ-02")]
    [InlineData("gcj02")]
    [InlineData("WGS-84")]
    public async Task Boundaries_import_accepts_every_spelling_of_the_datum(string datum)
    {
        using var dir = new ScratchDirectory();
        // A 0.01-degree square in Lucheng district (about 1 km a side).
        const string Square = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":330302,"name":"鹿城区"},
            "geometry":{"type":"Polygon","coordinates":[[[120.65,28.01],[120.66,28.01],[120.66,28.02],[120.65,28.02],[120.65,28.01]]]}}]}
            """;
        await File.WriteAllTextAsync(dir.File("b.geojson"), Square, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Cli.RunAsync(dir.Path, "migrate", "--db", "city.db")).ExitCode);

        var result = await Cli.RunAsync(dir.Path, "import", "boundaries", "b.geojson", "--datum", datum, "--db", "city.db");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Boundaries_import_with_an_unknown_datum_exits_2()
    {
        using var dir = new ScratchDirectory();
        await File.WriteAllTextAsync(dir.File("b.geojson"), "{}", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Cli.RunAsync(dir.Path, "migrate", "--db", "city.db")).ExitCode);

        var result = await Cli.RunAsync(dir.Path, "import", "boundaries", "b.geojson", "--datum", "bd09", "--db", "city.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("GCJ02", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_with_a_malformed_date_exits_2()
    {
        using var dir = new ScratchDirectory();
        Assert.Equal(0, (await Cli.RunAsync(dir.Path, "migrate", "--db", "city.db")).ExitCode);

        var result = await Cli.RunAsync(dir.Path, "plan", "--date", "2016-13-01", "--db", "city.db");

        Assert.Equal(2, result.ExitCode);
    }

    /// <summary>Defect 7: a day outside the profile's validity (2015-10-15..2016-12-31) is invalid input, said, and not planned.</summary>
    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2026-12-01")]
    public async Task Plan_of_a_day_outside_the_profile_validity_exits_1_with_the_reason(string day)
    {
        using var dir = new ScratchDirectory();
        Assert.Equal(0, (await Cli.RunAsync(dir.Path, "migrate", "--db", "city.db")).ExitCode);

        var result = await Cli.RunAsync(dir.Path, "plan", "--date", day, "--db", "city.db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("outside the validity of the policy profile wenzhou-2015", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_bad_url_exits_2()
    {
        using var dir = new ScratchDirectory();

        var result = await Cli.RunAsync(dir.Path, "serve", "--urls", "not a url", "--db", "city.db", "--no-demo");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task An_unknown_command_exits_2()
    {
        using var dir = new ScratchDirectory();

        var result = await Cli.RunAsync(dir.Path, "imprt");

        Assert.Equal(2, result.ExitCode);
    }
}
