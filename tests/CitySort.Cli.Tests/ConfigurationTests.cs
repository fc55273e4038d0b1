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

    [Fact]
    public async Task The_limits_and_the_single_sign_on_come_from_the_file_the_environment_and_the_command_line_with_the_secret_masked()
    {
        using var dir = new ScratchDirectory();
        await File.WriteAllTextAsync(dir.File("appsettings.json"), """
            {
              "Limits": { "WritePermitsPerMinute": 120, "SignInPermitsPerMinute": 10 },
              "Oidc": { "Authority": "https://sso.wenzhou.example/realms/city", "ClientId": "citysort", "ClientSecret": "file-secret" }
            }
            """, TestContext.Current.CancellationToken);

        var shown = await ShowAsync(
            dir,
            new Dictionary<string, string> { ["CITYSORT_LIMITS__WRITEPERMITSPERMINUTE"] = "240", ["CITYSORT_OIDC__USERCLAIM"] = "employee_id" },
            "--sign-in-permits-per-minute", "5", "--oidc-scopes", "openid profile email");

        Assert.Equal((240, 5), (shown.GetProperty("Limits:WritePermitsPerMinute").GetInt32(), shown.GetProperty("Limits:SignInPermitsPerMinute").GetInt32()));
        Assert.Equal(
            ("https://sso.wenzhou.example/realms/city", "citysort", "***", "openid profile email", "employee_id", true),
            (shown.GetProperty("Oidc:Authority").GetString(), shown.GetProperty("Oidc:ClientId").GetString(), shown.GetProperty("Oidc:ClientSecret").GetString(),
             shown.GetProperty("Oidc:Scopes").GetString(), shown.GetProperty("Oidc:UserClaim").GetString(), shown.GetProperty("Oidc:RequireHttpsMetadata").GetBoolean()));
    }

    [Fact]
    public async Task A_single_sign_on_over_plain_HTTP_to_another_host_or_a_limit_of_zero_is_a_usage_error_naming_its_key()
    {
        using var dir = new ScratchDirectory();

        var http = await Cli.RunAsync(dir.Path, "serve", "--show-config", "--oidc-authority", "http://sso.wenzhou.example/realms/city", "--oidc-client-id", "citysort");
        var loopback = await Cli.RunAsync(dir.Path, "serve", "--show-config", "--oidc-authority", "http://127.0.0.1:8443/", "--oidc-client-id", "citysort");
        var noClient = await Cli.RunAsync(dir.Path, "serve", "--show-config", "--oidc-authority", "https://sso.wenzhou.example/");
        var zero = await Cli.RunAsync(dir.Path, new Dictionary<string, string> { ["CITYSORT_LIMITS__WRITEPERMITSPERMINUTE"] = "0" }, "serve", "--show-config");

        Assert.Equal(2, http.ExitCode);
        Assert.Contains("Oidc:Authority", http.Error, StringComparison.Ordinal);
        Assert.Contains("is not HTTPS", http.Error, StringComparison.Ordinal);
        // On the loopback interface the metadata never leaves the host: HTTP is taken.
        Assert.True(loopback.ExitCode == 0, loopback.Error);
        Assert.Contains("\"Oidc:RequireHttpsMetadata\": false", loopback.Output, StringComparison.Ordinal);
        Assert.Equal(2, noClient.ExitCode);
        Assert.Contains("Oidc:ClientId", noClient.Error, StringComparison.Ordinal);
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("Limits:WritePermitsPerMinute", zero.Error, StringComparison.Ordinal);
    }
}
