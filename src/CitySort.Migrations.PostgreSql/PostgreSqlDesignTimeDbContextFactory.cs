using CitySort.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace CitySort.Migrations.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef</c> build the registry context for this migrations assembly when it is also the startup project;
/// it goes through <see cref="CitySortDesignTimeDbContextFactory"/> with <c>--provider postgresql</c> (the default here;
/// another provider is refused, so migrations never land in the wrong assembly).
/// </summary>
public sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CitySortDbContext>
{
    /// <inheritdoc />
    public CitySortDbContext CreateDbContext(string[] args)
    {
        var providerIndex = Array.IndexOf(args, "--provider");
        if (providerIndex < 0)
        {
            args = [.. args, "--provider", "postgresql"];
        }
        else if (providerIndex + 1 >= args.Length || !string.Equals(args[providerIndex + 1], "postgresql", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("This assembly holds the postgresql migrations: pass '-- --provider postgresql'.", nameof(args));
        }

        return new CitySortDesignTimeDbContextFactory().CreateDbContext(args);
    }
}
