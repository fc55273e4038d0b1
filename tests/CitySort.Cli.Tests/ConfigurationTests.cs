using System.Text.Json;

namespace CitySort.Cli.Tests;

/// <summary>
/// The settings of <c>citysort serve</c> in layers (docs/operations.md): <c>appsettings.json</c> in the working
/// directory, then <c>CITYSORT_</c> environment variables, then the command line, each overriding the one before;
/// <c>--show-config</c> prints what is in force (secrets masked) without serving.
/// </summary>
public sealed class ConfigurationTests
{
    private const string Settings = """
        {
          "Urls": "http://127.0.0.1:15401",
          "Database": { "Sqlite": "from-file.db" },
          "Mqtt": { "Port": 15411, "Password": "file-secret" },
          "Limits": { "PlanSeconds": 7 }
        }
        """;

    private static async Task<JsonElement> ShowAsync(ScratchDirectory dir, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var result = await Cli.RunAsync(dir.Path, environment, ["serve", "--show-config", .. arguments]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    [Fact]
    public async Task Appsettings_is_read_from_the_working_directory_and_its_password_is_masked()
    {
        using var dir = new ScratchDirectory();
        await File.WriteAllTextAsync(dir.File("appsettings.json"), Settings, TestContext.Current.CancellationToken);

        var shown = await ShowAsync(dir, new Dictionary<string, string>());

        Assert.Equal(("http://127.0.0.1:15401", "from-file.db", 15411, 7d), (shown.GetProperty("Urls").GetString(), shown.GetProperty("Database:Sqlite").GetString(), shown.GetProperty("Mqtt:Port").GetInt32(), shown.GetProperty("Limits:PlanSeconds").GetDouble()));
        Assert.Equal("***", shown.GetProperty("Mqtt:Password").GetString());
    }

    [Fact]
    public async Task An_environment_variable_overrides_appsettings_and_leaves_the_other_keys_alone()
    {
        using var dir = new ScratchDirectory();
        await File.WriteAllTextAsync(dir.File("appsettings.json"), Settings, TestContext.Current.CancellationToken);

        var shown = await ShowAsync(dir, new Dictionary<string, string> { ["CITYSORT_URLS"] = "http://127.0.0.1:15402", ["CITYSORT_MQTT__PORT"] = "15412" });

        Assert.Equal(("http://127.0.0.1:15402", 15412, "from-file.db"), (shown.GetProperty("Urls").GetString(), shown.GetProperty("Mqtt:Port").GetInt32(), shown.GetProperty("Database:Sqlite").GetString()));
    }

    [Fact]
    public async Task A_command_line_switch_overrides_both_the_environment_and_appsettings()
    {
        using var dir = new ScratchDirectory();
        await File.WriteAllTextAsync(dir.File("appsettings.json"), Settings, TestContext.Current.CancellationToken);

        var shown = await ShowAsync(
            dir,
            new Dictionary<string, string> { ["CITYSORT_URLS"] = "http://127.0.0.1:15402", ["CITYSORT_DATABASE__SQLITE"] = "from-env.db" },
            "--urls", "http://127.0.0.1:15403", "--db", "from-cli.db", "--no-mqtt");

        Assert.Equal(("http://127.0.0.1:15403", "from-cli.db", false), (shown.GetProperty("Urls").GetString(), shown.GetProperty("Database:Sqlite").GetString(), shown.GetProperty("Mqtt:Enabled").GetBoolean()));
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_is_a_usage_error_naming_its_key()
    {
        using var dir = new ScratchDirectory();

        var result = await Cli.RunAsync(dir.Path, new Dictionary<string, string> { ["CITYSORT_MQTT__PORT"] = "many" }, "serve", "--show-config");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Mqtt:Port", result.Error, StringComparison.Ordinal);
    }
}
