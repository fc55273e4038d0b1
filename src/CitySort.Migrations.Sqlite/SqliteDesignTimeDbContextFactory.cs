using CitySort.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace CitySort.Migrations.Sqlite;

/// <summary>
/// Lets <c>dotnet ef</c> build the registry context for this migrations assembly when it is also the startup project;
/// it goes through <see cref="CitySortDesignTimeDbContextFactory"/> with <c>--provider sqlite</c> (the default here;
/// another provider is refused, so migrations never land in the wrong assembly).
/// </summary>
public sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CitySortDbContext>
{
    /// <inheritdoc />
    public CitySortDbContext CreateDbContext(string[] args)
    {
        var providerIndex = Array.IndexOf(args, "--provider");
        if (providerIndex < 0)
        {
            args = [.. args, "--provider", "sqlite"];
        }
        else if (providerIndex + 1 >= args.Length || !string.Equals(args[providerIndex + 1], "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("This assembly holds the sqlite migrations: pass '-- --provider sqlite'.", nameof(args));
        }

        return new CitySortDesignTimeDbContextFactory().CreateDbContext(args);
    }
}
