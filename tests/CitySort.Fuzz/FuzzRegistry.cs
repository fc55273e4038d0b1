using System.Security.Cryptography;
using System.Text;
using CitySort.Collection;
using CitySort.Collection.Files;
using CitySort.Imports;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Fuzz;

/// <summary>
/// A migrated SQLite registry in a temporary folder for the import targets, loaded with the corpus's base files (the
/// first seed of divisions, communities, boundaries, sites, facilities, haulers, vehicles and lines, in that order),
/// with the real import services and event intake over it, and a fingerprint of every table to compare a database
/// before and after a refused import.
/// </summary>
public sealed class FuzzRegistry : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly string folder;
    private readonly string connectionString;

    private FuzzRegistry(string folder)
    {
        this.folder = folder;
        var options = StorageOptions.ForSqliteFile(Path.Combine(folder, "fuzz.db")) with { SqliteSynchronous = SqliteSynchronous.Normal };
        connectionString = options.ConnectionString;
        services = new ServiceCollection()
            // The seeds' events are of 2015-12-01 (Beijing time); the intake refuses events far from its clock.
            .AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2015, 12, 1, 12, 0, 0, TimeSpan.FromHours(8))))
            .AddCitySortStorage(options)
            .AddSingleton(ProfileLoader.LoadDefault())
            .AddCitySortCollection()
            .BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        Imports = new ImportService(factory);
        Fleet = new FleetImportService(factory, ProfileLoader.LoadDefault());
        EventFiles = new EventFileImporter(services.GetRequiredService<IEventIntake>());
    }

    /// <summary>The divisions, communities, sites and boundaries imports.</summary>
    public ImportService Imports { get; }

    /// <summary>The facilities, haulers, vehicles and lines imports.</summary>
    public FleetImportService Fleet { get; }

    /// <summary>The tickets and pickups imports over the real event intake.</summary>
    public EventFileImporter EventFiles { get; }

    /// <summary>Creates the database and imports the base files of <paramref name="corpus"/>.</summary>
    /// <param name="corpus">The corpus folder (one folder per target).</param>
    /// <param name="cancellationToken">Cancels the set-up.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="InvalidOperationException">A base file does not import (the corpus is broken).</exception>
    public static async Task<FuzzRegistry> CreateAsync(string corpus, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "citysort-fuzz", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var registry = new FuzzRegistry(folder);
        await registry.services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        string[] order = ["divisions", "communities", "boundaries", "sites", "facilities", "haulers", "vehicles", "lines"];
        foreach (var target in order)
        {
            var file = Directory.GetFiles(Path.Combine(corpus, target)).Order(StringComparer.Ordinal).First();
            await using var stream = File.OpenRead(file);
            var report = await registry.ImportAsync(target, stream, cancellationToken);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException($"The base file {file} does not import: {string.Join("; ", report.Problems)}");
            }
        }

        return registry;
    }

    /// <summary>Runs the import of <paramref name="target"/> (one of the registry and event-file kinds) on <paramref name="stream"/>.</summary>
    /// <param name="target">The target's name.</param>
    /// <param name="stream">The file.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The import's report.</returns>
    public Task<ImportReport> ImportAsync(string target, Stream stream, CancellationToken cancellationToken) => target switch
    {
        "divisions" => Imports.ImportDivisionsAsync(stream, "divisions.csv", cancellationToken),
        "communities" => Imports.ImportCommunitiesAsync(stream, "communities.csv", cancellationToken),
        "sites" => Imports.ImportSitesAsync(stream, "sites.csv", cancellationToken),
        "boundaries" => Imports.ImportBoundariesAsync(stream, "boundaries.geojson", CoordinateDatum.Wgs84, cancellationToken),
        "facilities" => Fleet.ImportFacilitiesAsync(stream, "facilities.csv", cancellationToken),
        "haulers" => Fleet.ImportHaulersAsync(stream, "haulers.csv", cancellationToken),
        "vehicles" => Fleet.ImportVehiclesAsync(stream, "vehicles.csv", cancellationToken),
        "lines" => Fleet.ImportLinesAsync(stream, "lines.csv", cancellationToken),
        "tickets" => EventFiles.ImportTicketsAsync(stream, "tickets.csv", null, cancellationToken),
        "pickups" => EventFiles.ImportPickupsAsync(stream, "pickups.csv", null, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "not an import target"),
    };

    /// <summary>
    /// A fingerprint of the whole database: every table's name, row count and the SHA-256 of its rows in primary-key
    /// order, so that any row added, changed or removed changes it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>One line per table.</returns>
    /// <param name="except">Tables left out: for the event files, <c>collection_rejections</c>, where the intake records every refused row by design (docs/events.md).</param>
    public async Task<IReadOnlyList<string>> FingerprintAsync(CancellationToken cancellationToken, params string[] except)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!except.Contains(reader.GetString(0)))
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }

        var lines = new List<string>(tables.Count);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            var rows = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(reader.IsDBNull(i) ? "\u0001null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u0000');
                }

                rows.Add(row.ToString());
            }

            // Sorted, so that the fingerprint does not depend on the order SQLite returns the rows in.
            rows.Sort(StringComparer.Ordinal);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows)));
            lines.Add($"{table}: {rows.Count} rows, {Convert.ToHexString(hash)}");
        }

        return lines;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
