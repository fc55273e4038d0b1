using CitySort.Policy;
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
}
