using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CitySort.Storage;

/// <summary>
/// Builds the context for <c>dotnet ef</c>: <c>dotnet ef migrations add NAME --project
/// src/CitySort.Migrations.Sqlite --startup-project src/CitySort.Cli -- --provider sqlite</c> (or
/// <c>--provider postgresql</c> with <c>src/CitySort.Migrations.PostgreSql</c>). The connection string is a
/// placeholder: creating migrations never connects. <c>--connection STRING</c> overrides it (for
/// <c>dotnet ef database update</c>).
/// </summary>
public sealed class CitySortDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CitySortDbContext>
{
    /// <summary>Creates the context for the provider named by <c>--provider sqlite|postgresql</c>.</summary>
    /// <param name="args">The arguments after <c>--</c> on the <c>dotnet ef</c> command line.</param>
    /// <returns>A context configured for that provider and its migrations assembly.</returns>
    /// <exception cref="ArgumentException"><c>--provider</c> is missing or names an unknown provider.</exception>
    public CitySortDbContext CreateDbContext(string[] args)
    {
        string? provider = null;
        string? connection = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--provider")
            {
                provider = args[i + 1];
            }
            else if (args[i] == "--connection")
            {
                connection = args[i + 1];
            }
        }

        var options = provider?.ToLowerInvariant() switch
        {
            "sqlite" => new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = connection ?? "Data Source=design-time.db" },
            "postgresql" or "postgres" => StorageOptions.ForPostgreSql(connection ?? "Host=127.0.0.1;Database=citysort;Username=citysort"),
            _ => throw new ArgumentException("Pass the provider after --: '-- --provider sqlite' or '-- --provider postgresql'.", nameof(args)),
        };
        var builder = new DbContextOptionsBuilder<CitySortDbContext>();
        options.ApplyTo(builder);
        return new CitySortDbContext(builder.Options);
    }
}
