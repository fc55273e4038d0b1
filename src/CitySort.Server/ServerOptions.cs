using CitySort.Collection;
using CitySort.Policy;
using CitySort.Server.Mqtt;
using CitySort.Storage;

namespace CitySort.Server;

/// <summary>
/// How to start the CitySort server: where it listens, which database and profile it uses, and whether it seeds the
/// demo city into an empty database.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>The default listening URL of <c>citysort serve</c>.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>
    /// The URLs Kestrel listens on, separated by semicolons (default <see cref="DefaultUrls"/>). Port 0 asks the
    /// operating system for a free port; the bound address is then in <see cref="CitySortServer.ListeningAddresses"/>.
    /// </summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>
    /// The database: by default the SQLite file <c>citysort.db</c> in the working directory
    /// (<see cref="StorageOptions.ForSqliteFile"/>); PostgreSQL by <see cref="StorageOptions.ForPostgreSql"/>.
    /// </summary>
    public StorageOptions Storage { get; init; } = StorageOptions.ForSqliteFile(StorageOptions.DefaultSqliteFileName);

    /// <summary>
    /// The policy profile to use, already loaded; when null, <see cref="ProfilePath"/> is loaded, or else the shipped
    /// Wenzhou 2015 profile (<see cref="ProfileLoader.LoadDefault"/>).
    /// </summary>
    public PolicyProfile? Profile { get; init; }

    /// <summary>
    /// A policy profile JSON file to use instead of the shipped Wenzhou 2015 profile; null for the default. Ignored
    /// when <see cref="Profile"/> is set, except that <c>GET /api/profile/source</c> then serves this file as the source of
    /// <see cref="Profile"/>. An invalid file makes <see cref="CitySortServer.Build"/> throw.
    /// </summary>
    public string? ProfilePath { get; init; }

    /// <summary>Whether to fill an empty database with the deterministic demo city on start (default true).</summary>
    public bool SeedDemo { get; init; } = true;

    /// <summary>The seed of the demo city generator; the same seed gives the same city.</summary>
    public int DemoSeed { get; init; } = CitySort.Demo.DemoCityFactory.DefaultSeed;

    /// <summary>
    /// The solver limits and seed of the daily plans (<c>/api/plans</c>); null for the <see cref="CitySort.Planning.PlanningOptions"/>
    /// defaults (3 s per plan, seed 1).
    /// </summary>
    public CitySort.Planning.PlanningOptions? Planning { get; init; }

    /// <summary>
    /// Whether events from anonymous devices are taken in (as the demo device <c>demo</c>, kind
    /// <see cref="DeviceKind.Demo"/>, everything it sends marked illustrative): the demo city and the simulator. Null
    /// (the default) means "when the demo city is seeded", i.e. <see cref="SeedDemo"/>; <c>serve --no-demo</c> turns
    /// both off. See <see cref="AnonymousDevicesAccepted"/>.
    /// </summary>
    public bool? AcceptAnonymousDevices { get; init; }

    /// <summary>True when anonymous (demo) devices are accepted: <see cref="AcceptAnonymousDevices"/>, else <see cref="SeedDemo"/>.</summary>
    public bool AnonymousDevicesAccepted => AcceptAnonymousDevices ?? SeedDemo;

    /// <summary>
    /// The MQTT door: by default an in-process broker on 127.0.0.1:1883 (<see cref="MqttDoorOptions"/>); <c>serve
    /// --mqtt-port N</c>, <c>--mqtt-broker mqtt://HOST:PORT</c> or <c>--no-mqtt</c> change it.
    /// </summary>
    public MqttDoorOptions Mqtt { get; init; } = new();

    /// <summary>
    /// How often the server reads the revoked devices and closes the MQTT sessions of newly revoked ones (default
    /// 5 s): a device revoked by <c>citysort devices revoke</c> in another process is dropped within this time
    /// (docs/events.md, "Devices").
    /// </summary>
    public TimeSpan RevocationCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Writes (every method but GET, HEAD and OPTIONS, outside the device door) a signed-in user, or an unsigned
    /// client address, may make per minute (default <see cref="Security.RateLimits.WritePermitsPerMinute"/>, 600);
    /// beyond it the server answers 429 (docs/security.md, "Rate limits").
    /// </summary>
    public int WritePermitsPerMinute { get; init; } = Security.RateLimits.WritePermitsPerMinute;

    /// <summary>
    /// Sign-in and set-up attempts (password sign-in, the one-time set-up link, the start of a single sign-on) a client
    /// address may make per minute (default <see cref="Security.RateLimits.SignInPermitsPerMinute"/>, 30); beyond it the
    /// server answers 429 (docs/security.md, "Rate limits"). At least 1.
    /// </summary>
    public int SignInPermitsPerMinute { get; init; } = Security.RateLimits.SignInPermitsPerMinute;

    /// <summary>
    /// The city's single sign-on (OpenID Connect), offered on the sign-in page beside the password; null (the default)
    /// leaves it off (docs/security.md, "Single sign-on").
    /// </summary>
    public Security.SingleSignOnOptions? SingleSignOn { get; init; }

    /// <summary>
    /// The intake the doors submit to, replacing the stored intake of the collection chain: a no-op or recording
    /// intake for tests and for the benchmark's baselines. Null (the default) uses the registered one.
    /// </summary>
    public IEventIntake? EventIntake { get; init; }
}
