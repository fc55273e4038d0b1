using System.CommandLine;
using CitySort.Policy;
using CitySort.Server;
using CitySort.Storage;
using Microsoft.Extensions.Hosting;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort serve [--urls URLS] [--db PATH] [--postgres CONNSTRING] [--profile FILE] [--no-demo]</c>: runs the
/// server (API, API reference and dashboard) until Ctrl+C. The database is migrated on start and, when empty, filled
/// with the demo city.
/// </summary>
internal static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "URLs to listen on, separated by ';' (default " + ServerOptions.DefaultUrls + ").", DefaultValueFactory = _ => ServerOptions.DefaultUrls };
        var db = new Option<string?>("--db") { Description = "SQLite database file (default citysort.db in the working directory)." };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string; replaces the SQLite file." };
        var profile = new Option<string?>("--profile") { Description = "Policy profile JSON file (default: the shipped Wenzhou 2015 profile)." };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not fill an empty database with the demo city." };
        var command = new Command("serve", "Run the CitySort server: JSON API, API reference (/api/reference) and dashboard.")
        {
            urls, db, postgres, profile, noDemo,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dbPath = parse.GetValue(db);
            var connection = parse.GetValue(postgres);
            if (dbPath is not null && connection is not null)
            {
                await Console.Error.WriteLineAsync("Give either --db or --postgres, not both.");
                return 2;
            }

            var urlList = parse.GetValue(urls) ?? ServerOptions.DefaultUrls;
            foreach (var url in urlList.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Port is < 0 or > 65535)
                {
                    await Console.Error.WriteLineAsync($"--urls: '{url}' is not an address like http://127.0.0.1:5080 (scheme http or https, a host, and a port from 0 to 65535).");
                    return 2;
                }
            }

            PolicyProfile? loaded = null;
            if (parse.GetValue(profile) is { } profilePath)
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

            var options = new ServerOptions
            {
                Urls = urlList,
                Profile = loaded,
                ProfilePath = parse.GetValue(profile),
                Storage = connection is not null
                    ? StorageOptions.ForPostgreSql(connection)
                    : StorageOptions.ForSqliteFile(dbPath ?? StorageOptions.DefaultSqliteFileName),
                SeedDemo = !parse.GetValue(noDemo),
            };
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

            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
