using CitySort.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace CitySort.Cli.Commands;

/// <summary>
/// Lets <c>dotnet ef</c> use the CLI as its startup project (STYLE.md, "Migrations"):
/// <c>dotnet ef migrations add NAME --project src/CitySort.Migrations.Sqlite --startup-project src/CitySort.Cli --
/// --provider sqlite</c>, or <c>--provider postgresql</c> with <c>src/CitySort.Migrations.PostgreSql</c>. It hands the
/// arguments to <see cref="CitySortDesignTimeDbContextFactory"/>.
/// </summary>
public sealed class MigrateDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CitySortDbContext>
{
    /// <inheritdoc />
    public CitySortDbContext CreateDbContext(string[] args) => new CitySortDesignTimeDbContextFactory().CreateDbContext(args);
}
