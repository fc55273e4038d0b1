namespace CitySort.Cli.Commands;

/// <summary>The options of <c>citysort bench kpis</c>.</summary>
/// <param name="Postgres">An Npgsql connection string of a role that may create databases, or null for SQLite.</param>
/// <param name="Scale">1 = the city-year of <see cref="KpiCityYear"/> (15.2 million pickups, 1.03 million tickets, 51 million GPS fixes).</param>
/// <param name="GpsShare">Share of the scale's GPS fixes generated (0..1).</param>
/// <param name="DataDirectory">Where the SQLite city-years are cached and the last answers written.</param>
/// <param name="Repeats">Timed requests after the warm-up.</param>
/// <param name="Warmup">Untimed requests first.</param>
/// <param name="BaselineRepeats">Timed runs of the raw aggregate (after one untimed run).</param>
/// <param name="Port">Loopback port of the in-process server.</param>
/// <param name="Multiples">PostgreSQL: the multiples of the city-year's pickups and tickets to measure at (GPS fixes stay at 1×).</param>
/// <param name="PostgresDatabase">PostgreSQL: the database created for the run.</param>
/// <param name="KeepDatabase">PostgreSQL: keep the database afterwards instead of dropping it.</param>
/// <param name="MinFreeGigabytes">PostgreSQL: stop growing when the disk has less free space than this.</param>
/// <param name="Seed">Seed of the generator.</param>
internal sealed record KpiBenchSettings(
    string? Postgres,
    double Scale,
    double GpsShare,
    string DataDirectory,
    int Repeats,
    int Warmup,
    int BaselineRepeats,
    int Port,
    IReadOnlyList<int> Multiples,
    string PostgresDatabase,
    bool KeepDatabase,
    double MinFreeGigabytes,
    int Seed);
