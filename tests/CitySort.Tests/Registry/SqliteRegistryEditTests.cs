using CitySort.Tests.Collection;

namespace CitySort.Tests.Registry;

/// <summary>The registry edits on SQLite.</summary>
public sealed class SqliteRegistryEditTests : RegistryEditTests
{
    private protected override Task<CollectionHost> OpenAsync() => CollectionHost.SqliteAsync();
}
