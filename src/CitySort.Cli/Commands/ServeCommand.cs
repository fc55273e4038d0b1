using System.CommandLine;
using CitySort.Policy;
using CitySort.Server;
using CitySort.Server.Mqtt;
using CitySort.Storage;
using Microsoft.Extensions.Hosting;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort serve [--urls URLS] [--db PATH] [--postgres CONNSTRING] [--profile FILE] [--no-demo]
/// [--mqtt-port N | --no-mqtt | --mqtt-broker mqtt://HOST:PORT [--mqtt-username U --mqtt-password P]]
/// [--write-permits-per-minute N] [--sign-in-permits-per-minute N] [--oidc-authority URL --oidc-client-id ID
/// [--oidc-scopes S] [--oidc-user-claim C]] [--config FILE] [--show-config]</c>: runs the
/// server (API, API reference, dashboard and the MQTT door) until Ctrl+C. The database is migrated on start and, when
/// empty, filled with the demo city; anonymous (demo) devices are accepted unless <c>--no-demo</c>. Every option can
/// also come from the settings file or a <c>CITYSORT_</c> environment variable (<see cref="ServeSettings"/>).
/// </summary>
internal static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "URLs to listen on, separated by ';' (default " + ServerOptions.DefaultUrls + ")." };
        var db = new Option<string?>("--db") { Description = "SQLite database file (default citysort.db in the working directory)." };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string; replaces the SQLite file." };
        var synchronous = new Option<string?>("--sqlite-synchronous") { Description = "How SQLite commits of events reach the disk: full (default; an acknowledged event survives a power loss) or normal (survives the process being killed, not a power loss; faster where fsync is slow)." };
        var profile = new Option<string?>("--profile") { Description = "Policy profile JSON file (default: the shipped Wenzhou 2015 profile)." };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not fill an empty database with the demo city, and refuse anonymous (demo) devices." };
        var mqttPort = new Option<int?>("--mqtt-port") { Description = "Port of the in-process MQTT broker on 127.0.0.1 (default 1883)." };
        var noMqtt = new Option<bool>("--no-mqtt") { Description = "Run no MQTT broker and consume no external broker." };
        var mqttBroker = new Option<string?>("--mqtt-broker") { Description = "Consume an external broker mqtt://HOST:PORT (shared subscription $share/citysort/citysort/v1/#) instead of running one." };
        var mqttUser = new Option<string?>("--mqtt-username") { Description = "Username for the external broker." };
        var mqttPassword = new Option<string?>("--mqtt-password") { Description = "Password for the external broker." };
        var writePermits = new Option<int?>("--write-permits-per-minute") { Description = "Writes a signed-in user (or an unsigned address) may make per minute before 429 (default 600)." };
        var signInPermits = new Option<int?>("--sign-in-permits-per-minute") { Description = "Sign-in attempts a client address may make per minute before 429 (default 30)." };
        var oidcAuthority = new Option<string?>("--oidc-authority") { Description = "The city's single sign-on (OpenID Connect) issuer address, https://...; off when not set. The client secret is read from Oidc:ClientSecret in the settings file or CITYSORT_OIDC__CLIENTSECRET, never from the command line." };
        var oidcClientId = new Option<string?>("--oidc-client-id") { Description = "The client id CitySort is registered under at the single sign-on." };
        var oidcScopes = new Option<string?>("--oidc-scopes") { Description = "The scopes to ask the single sign-on for, separated by spaces (default: openid profile)." };
        var oidcUserClaim = new Option<string?>("--oidc-user-claim") { Description = "The ID token claim looked up among the logins linked by citysort users link (default: sub)." };
        var config = new Option<string?>("--config") { Description = "Settings file (JSON, default appsettings.json in the working directory if present); environment variables CITYSORT_* override it, and the options here override both (docs/operations.md)." };
        var showConfig = new Option<bool>("--show-config") { Description = "Print the settings in force (secrets masked) and exit without serving." };
        var command = new Command("serve", "Run the CitySort server: JSON API, API reference (/api/reference), dashboard and MQTT door.")
        {
            urls, db, postgres, synchronous, profile, noDemo, mqttPort, noMqtt, mqttBroker, mqttUser, mqttPassword,
            writePermits, signInPermits, oidcAuthority, oidcClientId, oidcScopes, oidcUserClaim, config, showConfig,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                [ServeSettings.UrlsKey] = parse.GetValue(urls),
                [ServeSettings.SqliteKey] = parse.GetValue(db),
                [ServeSettings.PostgreSqlKey] = parse.GetValue(postgres),
                [ServeSettings.ProfileKey] = parse.GetValue(profile),
                [ServeSettings.SeedDemoKey] = parse.GetValue(noDemo) ? "false" : null,
                [ServeSettings.MqttEnabledKey] = parse.GetValue(noMqtt) ? "false" : null,
                [ServeSettings.MqttPortKey] = parse.GetValue(mqttPort)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [ServeSettings.MqttBrokerKey] = parse.GetValue(mqttBroker),
                [ServeSettings.MqttUsernameKey] = parse.GetValue(mqttUser),
                [ServeSettings.MqttPasswordKey] = parse.GetValue(mqttPassword),
                [ServeSettings.WritePermitsKey] = parse.GetValue(writePermits)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [ServeSettings.SignInPermitsKey] = parse.GetValue(signInPermits)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [ServeSettings.OidcAuthorityKey] = parse.GetValue(oidcAuthority),
                [ServeSettings.OidcClientIdKey] = parse.GetValue(oidcClientId),
                [ServeSettings.OidcScopesKey] = parse.GetValue(oidcScopes),
                [ServeSettings.OidcUserClaimKey] = parse.GetValue(oidcUserClaim),
            };
            var settings = ServeSettings.Load(parse.GetValue(config), given, out var configError);
            if (settings is null)
            {
                await Console.Error.WriteLineAsync(configError);
                return 2;
            }

            if (parse.GetValue(showConfig))
            {
                Console.WriteLine(settings.Describe());
                return 0;
            }

            var dbPath = settings.SqlitePath;
            var connection = settings.PostgreSqlConnection;
            if (dbPath is not null && connection is not null)
            {
                await Console.Error.WriteLineAsync("Give either --db or --postgres (Database:Sqlite or Database:PostgreSql), not both.");
                return 2;
            }

            var sync = ParseSynchronous(parse.GetValue(synchronous), out var syncError);
            if (sync is null)
            {
                await Console.Error.WriteLineAsync(syncError);
                return 2;
            }

            if (connection is not null && parse.GetValue(synchronous) is not null)
            {
                await Console.Error.WriteLineAsync("--sqlite-synchronous applies to the SQLite file only, not to --postgres.");
                return 2;
            }

            var urlList = settings.Urls ?? ServerOptions.DefaultUrls;
            foreach (var url in urlList.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Port is < 0 or > 65535)
                {
                    await Console.Error.WriteLineAsync($"--urls: '{url}' is not an address like http://127.0.0.1:5080 (scheme http or https, a host, and a port from 0 to 65535).");
                    return 2;
                }
            }

            var mqtt = ParseMqtt(settings.MqttPort, !settings.MqttEnabled, settings.MqttBroker, settings.MqttUsername, settings.MqttPassword, out var mqttError);
            if (mqtt is null)
            {
                await Console.Error.WriteLineAsync(mqttError);
                return 2;
            }

            PolicyProfile? loaded = null;
            if (settings.ProfilePath is { } profilePath)
            {
                var result = ProfileLoader.LoadFile(profilePath);
                if (result.Profile is null)
                {
                    foreach (var error in result.Errors)
                    {
                        await Console.Error.WriteLineAsync(error.ToString());
                    }

                    return 1;
                }

                loaded = result.Profile;
            }

            var options = settings.ApplyTo(new ServerOptions
            {
                Urls = urlList,
                Profile = loaded,
                ProfilePath = settings.ProfilePath,
                Storage = connection is not null
                    ? StorageOptions.ForPostgreSql(connection)
                    : StorageOptions.ForSqliteFile(dbPath ?? StorageOptions.DefaultSqliteFileName) with { SqliteSynchronous = sync.Value },
                SeedDemo = settings.SeedDemo,
                Mqtt = mqtt,
                Planning = settings.SecondsPerPlan is { } seconds ? new CitySort.Planning.PlanningOptions { TimeLimitPerPlan = TimeSpan.FromSeconds(seconds) } : null,
                RevocationCheckInterval = settings.RevocationCheckSeconds is { } check ? TimeSpan.FromSeconds(check) : TimeSpan.FromSeconds(5),
            });
            await using var app = CitySortServer.Build(options);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                // Typically the port is taken by another program (or another citysort serve).
                await Console.Error.WriteLineAsync("The server could not listen on " + options.Urls + ": " + ex.Message + " Choose another address with --urls.");
                return 1;
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                await Console.Error.WriteLineAsync("The MQTT broker could not listen on port " + mqtt.Port + ": " + ex.Message + " Choose another port with --mqtt-port, or --no-mqtt.");
                return 1;
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>The value of <c>--sqlite-synchronous</c> (absent: full), or null with the usage error.</summary>
    internal static SqliteSynchronous? ParseSynchronous(string? value, out string? error)
    {
        error = null;
        switch (value?.Trim().ToUpperInvariant())
        {
            case null or "FULL":
                return SqliteSynchronous.Full;
            case "NORMAL":
                return SqliteSynchronous.Normal;
            default:
                error = $"--sqlite-synchronous '{value}' is not full or normal (--sqlite-synchronous 须为 full 或 normal).";
                return null;
        }
    }

    /// <summary>The MQTT door options of the command line, or null with the usage error.</summary>
    private static MqttDoorOptions? ParseMqtt(int? port, bool disabled, string? broker, string? username, string? password, out string? error)
    {
        error = null;
        if (disabled && (port is not null || broker is not null))
        {
            error = "--no-mqtt cannot be combined with --mqtt-port or --mqtt-broker.";
            return null;
        }

        if (port is not null && broker is not null)
        {
            error = "Give either --mqtt-port (the in-process broker) or --mqtt-broker (an external broker), not both.";
            return null;
        }

        if (port is < 1 or > 65535)
        {
            error = $"--mqtt-port: {port} is not a port from 1 to 65535.";
            return null;
        }

        if ((username is not null || password is not null) && broker is null)
        {
            error = "--mqtt-username and --mqtt-password are for an external broker: give --mqtt-broker mqtt://HOST:PORT too.";
            return null;
        }

        Uri? url = null;
        if (broker is not null)
        {
            if (!Uri.TryCreate(broker, UriKind.Absolute, out url) || url.Scheme != "mqtt" || string.IsNullOrEmpty(url.Host) || url.AbsolutePath is not ("" or "/"))
            {
                error = $"--mqtt-broker: '{broker}' is not an address like mqtt://127.0.0.1:1883.";
                return null;
            }
        }

        return new MqttDoorOptions
        {
            Enabled = !disabled,
            Port = port ?? MqttDoorOptions.DefaultPort,
            BrokerUrl = url,
            Username = username,
            Password = password,
        };
    }
}
