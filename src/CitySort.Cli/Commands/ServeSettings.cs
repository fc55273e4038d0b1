using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace CitySort.Cli.Commands;

/// <summary>
/// The settings of <c>citysort serve</c> from three layers, each overriding the one before: the settings file
/// (<c>appsettings.json</c> in the working directory when present, or <c>--config FILE</c>), environment variables
/// with the prefix <c>CITYSORT_</c> (<c>__</c> between the parts of a key: <c>CITYSORT_MQTT__PORT</c>), and the
/// command-line options. Keys: <c>Urls</c>, <c>Database:Sqlite</c>, <c>Database:PostgreSql</c>, <c>Profile</c>,
/// <c>Demo:Seed</c>, <c>Mqtt:Enabled</c>, <c>Mqtt:Port</c>, <c>Mqtt:Broker</c>, <c>Mqtt:Username</c>,
/// <c>Mqtt:Password</c>, <c>Limits:PlanSeconds</c>, <c>Limits:RevocationCheckSeconds</c>, <c>Limits:WritePermitsPerMinute</c>,
/// <c>Limits:SignInPermitsPerMinute</c>, and the single sign-on's <c>Oidc:Authority</c>, <c>Oidc:ClientId</c>,
/// <c>Oidc:ClientSecret</c>, <c>Oidc:Scopes</c>, <c>Oidc:UserClaim</c>, <c>Oidc:RequireHttpsMetadata</c> (docs/operations.md).
/// </summary>
internal sealed class ServeSettings
{
    /// <summary>The environment variable prefix.</summary>
    public const string EnvironmentPrefix = "CITYSORT_";

    /// <summary>The default settings file, looked for in the working directory.</summary>
    public const string DefaultFile = "appsettings.json";

#pragma warning disable CS1591 // The keys are listed in the type's summary.
    public const string UrlsKey = "Urls";
    public const string SqliteKey = "Database:Sqlite";
    public const string PostgreSqlKey = "Database:PostgreSql";
    public const string ProfileKey = "Profile";
    public const string SeedDemoKey = "Demo:Seed";
    public const string MqttEnabledKey = "Mqtt:Enabled";
    public const string MqttPortKey = "Mqtt:Port";
    public const string MqttBrokerKey = "Mqtt:Broker";
    public const string MqttUsernameKey = "Mqtt:Username";
    public const string MqttPasswordKey = "Mqtt:Password";
    public const string PlanSecondsKey = "Limits:PlanSeconds";
    public const string RevocationSecondsKey = "Limits:RevocationCheckSeconds";
    public const string WritePermitsKey = "Limits:WritePermitsPerMinute";
    public const string SignInPermitsKey = "Limits:SignInPermitsPerMinute";
    public const string OidcAuthorityKey = "Oidc:Authority";
    public const string OidcClientIdKey = "Oidc:ClientId";
    public const string OidcClientSecretKey = "Oidc:ClientSecret";
    public const string OidcScopesKey = "Oidc:Scopes";
    public const string OidcUserClaimKey = "Oidc:UserClaim";
    public const string OidcRequireHttpsKey = "Oidc:RequireHttpsMetadata";
#pragma warning restore CS1591

    private readonly IConfiguration _configuration;

    private ServeSettings(IConfiguration configuration) => _configuration = configuration;

    /// <summary>The listening URLs, or null for the default.</summary>
    public string? Urls => Text(UrlsKey);

    /// <summary>The SQLite file, or null.</summary>
    public string? SqlitePath => Text(SqliteKey);

    /// <summary>The PostgreSQL connection string, or null.</summary>
    public string? PostgreSqlConnection => Text(PostgreSqlKey);

    /// <summary>The profile file, or null for the shipped profile.</summary>
    public string? ProfilePath => Text(ProfileKey);

    /// <summary>Whether an empty database gets the demo city (default true).</summary>
    public bool SeedDemo { get; private init; } = true;

    /// <summary>Whether the MQTT door runs (default true).</summary>
    public bool MqttEnabled { get; private init; } = true;

    /// <summary>The in-process broker's port, or null for the default.</summary>
    public int? MqttPort { get; private init; }

    /// <summary>The external broker, or null.</summary>
    public string? MqttBroker => Text(MqttBrokerKey);

    /// <summary>The external broker's username, or null.</summary>
    public string? MqttUsername => Text(MqttUsernameKey);

    /// <summary>The external broker's password, or null.</summary>
    public string? MqttPassword => Text(MqttPasswordKey);

    /// <summary>Seconds per daily plan, or null for the default.</summary>
    public double? SecondsPerPlan { get; private init; }

    /// <summary>Seconds between checks for revoked devices, or null for the default.</summary>
    public double? RevocationCheckSeconds { get; private init; }

    /// <summary>Writes a user or an unsigned address may make per minute, or null for the default (600).</summary>
    public int? WritePermitsPerMinute { get; private init; }

    /// <summary>Sign-in attempts a client address may make per minute, or null for the default (30).</summary>
    public int? SignInPermitsPerMinute { get; private init; }

    /// <summary>The city's single sign-on, or null when <c>Oidc:Authority</c> is not set.</summary>
    public CitySort.Server.Security.SingleSignOnOptions? SingleSignOn { get; private init; }

    /// <summary>
    /// <paramref name="options"/> with the settings that <c>serve</c> takes as they are (the rate limits and the single
    /// sign-on); the others it checks and sets itself.
    /// </summary>
    /// <param name="options">The server options built so far.</param>
    public CitySort.Server.ServerOptions ApplyTo(CitySort.Server.ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            WritePermitsPerMinute = WritePermitsPerMinute ?? options.WritePermitsPerMinute,
            SignInPermitsPerMinute = SignInPermitsPerMinute ?? options.SignInPermitsPerMinute,
            SingleSignOn = SingleSignOn ?? options.SingleSignOn,
        };
    }

    /// <summary>Reads the three layers; null with the reason when a file is missing or a value is not of its kind.</summary>
    /// <param name="configFile">The settings file given with <c>--config</c>, or null for <see cref="DefaultFile"/> if present.</param>
    /// <param name="commandLine">The values given on the command line, by key; null values were not given.</param>
    /// <param name="error">The reason when null is returned.</param>
    public static ServeSettings? Load(string? configFile, IReadOnlyDictionary<string, string?> commandLine, out string? error)
    {
        error = null;
        if (configFile is not null && !File.Exists(configFile))
        {
            error = $"--config: 设置文件 {configFile} 不存在。 / The settings file {configFile} does not exist.";
            return null;
        }

        var file = Path.GetFullPath(configFile ?? DefaultFile);
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(file, optional: configFile is null, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddInMemoryCollection(commandLine.Where(p => p.Value is not null))
                .Build();
        }
        catch (InvalidDataException e)
        {
            error = $"{file}: 不是有效的 JSON 设置文件 / is not a valid JSON settings file: {e.Message}";
            return null;
        }

        try
        {
            return new ServeSettings(configuration)
            {
                SeedDemo = Bool(configuration, SeedDemoKey) ?? true,
                MqttEnabled = Bool(configuration, MqttEnabledKey) ?? true,
                MqttPort = Number(configuration, MqttPortKey) is { } port ? (int)port : null,
                SecondsPerPlan = Number(configuration, PlanSecondsKey),
                RevocationCheckSeconds = Number(configuration, RevocationSecondsKey),
                WritePermitsPerMinute = Count(configuration, WritePermitsKey),
                SignInPermitsPerMinute = Count(configuration, SignInPermitsKey),
                SingleSignOn = SingleSignOnOf(configuration),
            };
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>The settings in force as JSON, the password and any connection-string password masked.</summary>
    public string Describe()
    {
        var postgres = PostgreSqlConnection is null ? null : System.Text.RegularExpressions.Regex.Replace(PostgreSqlConnection, "(?i)(password|pwd)=[^;]*", "$1=***");
        var shown = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            [UrlsKey] = Urls,
            [SqliteKey] = SqlitePath,
            [PostgreSqlKey] = postgres,
            [ProfileKey] = ProfilePath,
            [SeedDemoKey] = SeedDemo,
            [MqttEnabledKey] = MqttEnabled,
            [MqttPortKey] = MqttPort,
            [MqttBrokerKey] = MqttBroker,
            [MqttUsernameKey] = MqttUsername,
            [MqttPasswordKey] = MqttPassword is null ? null : "***",
            [PlanSecondsKey] = SecondsPerPlan,
            [RevocationSecondsKey] = RevocationCheckSeconds,
            [WritePermitsKey] = WritePermitsPerMinute,
            [SignInPermitsKey] = SignInPermitsPerMinute,
            [OidcAuthorityKey] = SingleSignOn?.Authority.ToString(),
            [OidcClientIdKey] = SingleSignOn?.ClientId,
            [OidcClientSecretKey] = SingleSignOn?.ClientSecret is null ? null : "***",
            [OidcScopesKey] = SingleSignOn is { } sso ? string.Join(' ', sso.Scopes) : null,
            [OidcUserClaimKey] = SingleSignOn?.UserClaim,
            [OidcRequireHttpsKey] = SingleSignOn?.HttpsMetadataRequired,
        };
        return JsonSerializer.Serialize(shown, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private string? Text(string key) => _configuration[key] is { Length: > 0 } value ? value : null;

    private static bool? Bool(IConfiguration configuration, string key) => configuration[key] switch
    {
        null or "" => null,
        var v when bool.TryParse(v, out var b) => b,
        var v => throw new FormatException($"{key}: “{v}” 不是 true 或 false / is not true or false."),
    };

    private static int? Count(IConfiguration configuration, string key) => configuration[key] switch
    {
        null or "" => null,
        var v when int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 => n,
        var v => throw new FormatException($"{key}: “{v}” 不是正整数 / is not a whole number of at least 1."),
    };

    /// <summary>The single sign-on of the <c>Oidc</c> section, or null without an authority.</summary>
    /// <exception cref="FormatException">When a value is missing or not of its kind, naming its key.</exception>
    private static CitySort.Server.Security.SingleSignOnOptions? SingleSignOnOf(IConfiguration configuration)
    {
        var authority = configuration[OidcAuthorityKey];
        var clientId = configuration[OidcClientIdKey];
        if (string.IsNullOrWhiteSpace(authority))
        {
            return string.IsNullOrWhiteSpace(clientId) ? null
                : throw new FormatException($"{OidcAuthorityKey}: 设置了 {OidcClientIdKey} 却没有认证服务地址 / {OidcClientIdKey} is set without the provider's address.");
        }

        if (!Uri.TryCreate(authority.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new FormatException($"{OidcAuthorityKey}: “{authority}” 不是认证服务地址，应如 https://sso.example/realms/city / is not a provider address like https://sso.example/realms/city.");
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new FormatException($"{OidcClientIdKey}: 配置统一身份认证需要客户端标识 / the single sign-on needs the client id.");
        }

        var requireHttps = Bool(configuration, OidcRequireHttpsKey);
        var sso = new CitySort.Server.Security.SingleSignOnOptions
        {
            Authority = uri,
            ClientId = clientId.Trim(),
            ClientSecret = configuration[OidcClientSecretKey] is { Length: > 0 } secret ? secret : null,
            Scopes = configuration[OidcScopesKey] is { Length: > 0 } scopes
                ? scopes.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries)
                : CitySort.Server.Security.SingleSignOnOptions.DefaultScopes,
            UserClaim = configuration[OidcUserClaimKey] is { Length: > 0 } claim ? claim.Trim() : CitySort.Server.Security.SingleSignOnOptions.DefaultUserClaim,
            RequireHttpsMetadata = requireHttps,
        };
        if (uri.Scheme == Uri.UriSchemeHttp && sso.HttpsMetadataRequired)
        {
            throw new FormatException($"{OidcAuthorityKey}: “{authority}” 不是 HTTPS；只有本机地址或明确设置 {OidcRequireHttpsKey}=false 时才可用 HTTP / is not HTTPS; HTTP is taken only for a loopback address or with {OidcRequireHttpsKey}=false set explicitly.");
        }

        return sso;
    }

    private static double? Number(IConfiguration configuration, string key) => configuration[key] switch
    {
        null or "" => null,
        var v when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 => d,
        var v => throw new FormatException($"{key}: “{v}” 不是正数 / is not a positive number."),
    };
}
